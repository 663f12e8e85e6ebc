import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PolicyDocument } from './policy-document';
import { samplePolicyDocument as sample } from './testing/sample-policy-document';
import { FOOTER_TOP, PAGE, POLICY_QR_BOX } from './policy-page-layout';
import { QR_QUIET_ZONE_MODULES, qrMatrix, qrModuleSide, type QrMatrix } from './policy-qr-code';
import { renderPolicyPdf } from './render-policy-pdf';


/** Far longer than any real project: the clauses must give way to a second page, never the footer. */
const overlong: PolicyDocument = {
  ...sample,
  project: { ...sample.project, name: '乌鲁木齐市天山区棚户区改造配套基础设施建设项目施工总承包，'.repeat(14) },
};

let dir: string;
let samplePdf: Uint8Array;
let samplePath: string;

function save(bytes: Uint8Array, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

function pdftotext(file: string, ...args: string[]): string {
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}

/** pdftotext breaks lines where the layout wraps; the document's words are compared without them. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Page 1 in grey at 144 dpi, i.e. exactly 2 pixels per point. */
function rasterizeFirstPage(file: string): { width: number; height: number; pixels: Uint8Array } {
  const out = path.join(dir, `raster-${path.basename(file)}`);
  execFileSync('pdftoppm', ['-gray', '-r', '144', '-f', '1', '-l', '1', '-singlefile', file, out]);
  const pgm = readFileSync(`${out}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 32).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary 8-bit PGM');
  const [, width, height] = header.map(Number) as [number, number, number];
  return { width, height, pixels: pgm.subarray(header[0].length) };
}

/** Reads the QR modules back from the page by sampling the centre of every module position. */
function readQrFromPage(file: string, size: number): QrMatrix & { quietZoneIsWhite: boolean } {
  const page = rasterizeFirstPage(file);
  const side = qrModuleSide(POLICY_QR_BOX, size);
  // index -4 … size+3 covers the quiet zone around the symbol as well.
  const darkAt = (row: number, col: number) => {
    const x = POLICY_QR_BOX.x + (QR_QUIET_ZONE_MODULES + col + 0.5) * side;
    const y = POLICY_QR_BOX.y + (QR_QUIET_ZONE_MODULES + row + 0.5) * side;
    return page.pixels[Math.floor(y * 2) * page.width + Math.floor(x * 2)]! < 128;
  };
  let quietZoneIsWhite = true;
  for (let row = -QR_QUIET_ZONE_MODULES; row < size + QR_QUIET_ZONE_MODULES; row++) {
    for (let col = -QR_QUIET_ZONE_MODULES; col < size + QR_QUIET_ZONE_MODULES; col++) {
      const inSymbol = row >= 0 && row < size && col >= 0 && col < size;
      if (!inSymbol && darkAt(row, col)) quietZoneIsWhite = false;
    }
  }
  return { size, quietZoneIsWhite, isDark: darkAt };
}

/** Text blocks of page 1 that start above the footer line must also end above it. */
function expectNothingRunsIntoFooter(file: string): void {
  const layout = pdftotext(file, '-bbox-layout', '-f', '1', '-l', '1');
  const blocks = [...layout.matchAll(/<block xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)];
  const above = blocks.filter(([, yMin]) => Number(yMin) < FOOTER_TOP);
  expect(above.length).toBeGreaterThan(5);
  for (const [, , yMax] of above) expect(Number(yMax)).toBeLessThan(FOOTER_TOP);
}

function bits(matrix: QrMatrix): string {
  let text = '';
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size; col++) text += matrix.isDark(row, col) ? '1' : '0';
  }
  return text;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'policy-pdf-'));
  samplePdf = await renderPolicyPdf(sample);
  samplePath = save(samplePdf, 'sample.pdf');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

afterEach(() => vi.unstubAllEnvs());

describe('renderPolicyPdf', () => {
  it('writes a one-page A4 PDF', () => {
    expect(Buffer.from(samplePdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [samplePath], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(new RegExp(`^Page size:\\s+${PAGE.width} x ${PAGE.height} pts \\(A4\\)`, 'm'));
    expect(info).toMatch(/^Title:\s+投标保证保险保单 TBBX6501202611240001$/m);
  });

  it('embeds the Chinese font as a subset and no other font', () => {
    const raw = Buffer.from(samplePdf).toString('latin1');
    const baseFonts = [...raw.matchAll(/\/BaseFont\s*\/([^\s/<>\]]+)/g)].map((match) => match[1]);
    expect(baseFonts.length).toBeGreaterThan(0);
    for (const name of baseFonts) expect(name).toMatch(/^[A-Z]{6}\+NotoSansCJKsc-Regular$/);

    const fonts = execFileSync('pdffonts', [samplePath], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts).toHaveLength(1);
    // name, type…, encoding, then emb sub uni as yes/no.
    expect(fonts[0]).toMatch(/^[A-Z]{6}\+NotoSansCJKsc-Regular\s.*\syes\s+yes\s+yes\s/);
  });

  it('stays small enough to mail and store', () => {
    // Measured at about 105 KB: the subset of some 200 glyphs is most of it.
    expect(samplePdf.length).toBeLessThan(200 * 1024);
  });

  it('prints every field of the policy, the amounts in figures and in 大写', () => {
    const text = squeeze(pdftotext(samplePath));
    for (const expected of [
      '投标保证保险保单',
      '电子投标保函',
      '保单号TBBX6501202611240001',
      '验证码K7PM3Q9D',
      '被保险人（招标人）乌鲁木齐市城市建设投资（集团）有限公司',
      '投保人新疆天山建设工程有限公司',
      '统一社会信用代码91650100MA77XQ1234',
      '项目名称乌鲁木齐市天山区棚户区改造配套基础设施建设项目（二期）',
      '项目编号WLMQ-JS-2026-0187',
      '标段第二标段（道路及管网工程）',
      '保险金额（投标保证金）¥800,000.00（大写：人民币捌拾万元整）',
      '保费¥1,200.50（大写：人民币壹仟贰佰元零伍角）',
      '保险人中国人民财产保险股份有限公司新疆维吾尔自治区分公司',
      '产品投标保证保险（建设工程类）',
      // 01:30 UTC is 09:30 in Beijing.
      '保险期间自2026年11月24日09:30起至2027年3月24日09:30止（北京时间）',
      '订单号DD202611240000123',
      '签发日期2026年11月24日',
      '保险责任',
      '扫码或访问以下地址验证保单真伪',
      'https://baohan.example.cn/verify/TBBX6501202611240001',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('draws the QR code of the verification URL where the layout puts it, with a white quiet zone', () => {
    const expected = qrMatrix(sample.verifyUrl);
    const printed = readQrFromPage(samplePath, expected.size);
    expect(bits(printed)).toBe(bits(expected));
    expect(printed.quietZoneIsWhite).toBe(true);
    // The same reading must tell the URL apart from a near miss, or the comparison above proves nothing.
    expect(bits(printed)).not.toBe(bits(qrMatrix(`${sample.verifyUrl}X`)));
  });

  it('keeps all content above the verification footer of the first page', () => {
    expectNothingRunsIntoFooter(samplePath);
  });

  it('continues overlong content on a second page and keeps the footer on the first', async () => {
    const file = save(await renderPolicyPdf(overlong), 'overlong.pdf');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Pages:\s+2$/m);
    const firstPage = squeeze(pdftotext(file, '-f', '1', '-l', '1'));
    expect(firstPage).toContain(squeeze(overlong.project.name));
    expect(firstPage).toContain(overlong.verifyUrl);
    expect(firstPage).toContain('第1页/共2页');
    expect(squeeze(pdftotext(file, '-f', '2', '-l', '2'))).toContain('第2页/共2页');
    expectNothingRunsIntoFooter(file);

    const expected = qrMatrix(overlong.verifyUrl);
    expect(bits(readQrFromPage(file, expected.size))).toBe(bits(expected));
  });

  it('gives the same bytes for the same policy, dated when it was issued', async () => {
    const again = await renderPolicyPdf(sample);
    expect(Buffer.from(again).equals(Buffer.from(samplePdf))).toBe(true);
    const info = execFileSync('pdfinfo', ['-isodates', samplePath], { encoding: 'utf8' });
    expect(info).toMatch(/^CreationDate:\s+2026-11-24T01:30:00Z$/m);
  });

  it('gives the bytes pdfkit gives without the shared font face, whatever was rendered before', async () => {
    // The shared face (policy-font-face.ts) reaches into pdfkit and fontkit; this is what keeps it honest.
    const reference = await renderPolicyPdf(sample, { shareFont: false });
    await renderPolicyPdf(overlong);
    const afterAnother = await renderPolicyPdf(sample);
    expect(Buffer.from(afterAnother).equals(Buffer.from(reference))).toBe(true);
    const overlongReference = await renderPolicyPdf(overlong, { shareFont: false });
    expect(Buffer.from(await renderPolicyPdf(overlong)).equals(Buffer.from(overlongReference))).toBe(true);
  });

  it('names the variable to set when the font file is missing', async () => {
    vi.stubEnv('POLICY_FONT_PATH', '/nonexistent/NotoSansCJK-Regular.ttc');
    await expect(renderPolicyPdf(sample)).rejects.toThrow(/POLICY_FONT_PATH/);
  });

  it('names the variables to set when the collection has no such face', async () => {
    vi.stubEnv('POLICY_FONT_FAMILY', 'NoSuchFace-Regular');
    await expect(renderPolicyPdf(sample)).rejects.toThrow(/POLICY_FONT_FAMILY/);
  });
});
