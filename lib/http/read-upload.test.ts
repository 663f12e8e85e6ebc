import { describe, expect, it } from 'vitest';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { readUpload } from './read-upload';

const URL_ = 'http://localhost/api/admin/invoices/x/issue';

function form(fields: Record<string, string>, file?: Uint8Array) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  if (file) body.set('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), '发票.pdf');
  return body;
}

describe('reading an upload', () => {
  it('reads the fields and the file', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7');
    const upload = await readUpload(new Request(URL_, { method: 'POST', body: form({ invoice_number: '12345678' }, bytes) }), 100, '太大');
    expect(upload.fields).toEqual({ invoice_number: '12345678' });
    expect(upload.file?.name).toBe('发票.pdf');
    expect(Buffer.from(upload.file!.bytes).toString()).toBe('%PDF-1.7');
  });

  it('treats an empty file input as no file', async () => {
    const body = form({ invoice_number: '12345678' });
    body.set('file', new Blob([]), '');
    expect((await readUpload(new Request(URL_, { method: 'POST', body }), 100, '太大')).file).toBeUndefined();
  });

  it('refuses JSON, a body announced too large, and a form another site made the browser send', async () => {
    const json = new Request(URL_, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect((await expectRefusal(readUpload(json, 100, '太大'))).code).toBe('VALIDATION_FAILED');
    const big = new Request(URL_, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(10_000_000) }, body: '' });
    expect((await expectRefusal(readUpload(big, 100, '发票文件不能超过 5 MB'))).fieldErrors).toEqual({ file: '发票文件不能超过 5 MB' });
    const crossSite = new Request(URL_, { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' }, body: form({}) });
    expect((await expectRefusal(readUpload(crossSite, 100, '太大'))).code).toBe('CROSS_SITE_REFUSED');
  });
});
