import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from './policy-qr-code';

const url = 'https://baohan.example.cn/verify/TBBX6501202611240001';

function bits(matrix: ReturnType<typeof qrMatrix>): string {
  let text = '';
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size; col++) text += matrix.isDark(row, col) ? '1' : '0';
  }
  return text;
}

describe('qrMatrix', () => {
  it('is the symbol the qrcode package encodes for the text, module for module', () => {
    const reference = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
    const matrix = qrMatrix(url);
    expect(matrix.size).toBe(reference.size);
    expect(bits(matrix)).toBe(Array.from(reference.data, (bit) => (bit ? '1' : '0')).join(''));
  });

  it('differs for another URL', () => {
    expect(bits(qrMatrix(`${url}2`))).not.toBe(bits(qrMatrix(url)));
  });
});
