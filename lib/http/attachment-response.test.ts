import { describe, expect, it } from 'vitest';
import { attachmentResponse } from './attachment-response';

describe('attachment responses', () => {
  it('names the file in a way every browser keeps, and is never cached', async () => {
    const response = attachmentResponse({ fileName: '发票-12345678.pdf', content: new TextEncoder().encode('%PDF-1.7') });
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="__-12345678.pdf"; filename*=UTF-8''%E5%8F%91%E7%A5%A8-12345678.pdf`);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.text()).toBe('%PDF-1.7');
  });
});
