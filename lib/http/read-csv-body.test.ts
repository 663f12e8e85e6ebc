import { describe, expect, it } from 'vitest';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { readCsvBody } from './read-csv-body';

const post = (body: BodyInit, type = 'text/csv; charset=gbk', headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/admin/statements/preview', { method: 'POST', body, headers: { 'content-type': type, ...headers } });

describe('CSV upload bodies', () => {
  it('are read as the bytes sent, whatever their encoding', async () => {
    const bytes = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0x0a]);
    expect(await readCsvBody(post(bytes), 100)).toEqual(bytes);
  });

  it('are refused over the limit, whether or not a length is declared', async () => {
    expect((await expectRefusal(readCsvBody(post(new Uint8Array(101)), 100))).code).toBe('PAYLOAD_TOO_LARGE');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(new Uint8Array(60));
        controller.close();
      },
    });
    const chunked = new Request('http://localhost/x', { method: 'POST', body: stream, headers: { 'content-type': 'text/csv' }, duplex: 'half' } as RequestInit);
    expect((await expectRefusal(readCsvBody(chunked, 100))).message).toMatch(/^文件超过/);
  });

  it('must say they are CSV, which a cross-site form cannot', async () => {
    const error = await expectRefusal(readCsvBody(post('a,b', 'multipart/form-data; boundary=x'), 100));
    expect(error.message).toBe('请上传 CSV 文件（Content-Type: text/csv）');
  });
});
