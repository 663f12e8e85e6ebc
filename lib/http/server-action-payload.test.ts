import { describe, expect, it } from 'vitest';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { assertWellFormedActionPayload } from './server-action-payload';

const action = (body: BodyInit, type: string | null = 'text/plain;charset=UTF-8') =>
  new Request('http://localhost/orders/x', { method: 'POST', body, headers: { ...(type ? { 'content-type': type } : {}), 'next-action': '40abc' } });

describe('server action payloads', () => {
  it.each([
    ['plain arguments', '["b1d0c5e2-0000-4000-8000-000000000000",{"reason":"原因","n":1,"none":"$undefined","price":"$$5"}]'],
    ['no arguments', '[]'],
  ])('let %s through', async (_label, body) => {
    await expect(assertWellFormedActionPayload(action(body))).resolves.toBeUndefined();
  });

  it('lets a multipart payload through when each part is JSON', async () => {
    const form = new FormData();
    form.set('0', '["$1"]');
    form.set('1', '{"a":1}');
    await expect(assertWellFormedActionPayload(action(form, null))).resolves.toBeUndefined();
  });

  it.each([
    ['garbage', 'garbage'],
    ['truncated JSON', '{"a":'],
    ['not an argument list', '{"a":1}'],
    ['a reference to a part a text body cannot have', '["$Q1"]'],
    ['a forged promise reference', '["$@1"]'],
    ['nesting past the limit', '['.repeat(20_000) + ']'.repeat(20_000)],
  ])('refuse %s with a Chinese message', async (_label, body) => {
    const error = await expectRefusal(assertWellFormedActionPayload(action(body)));
    expect([error.code, error.message]).toEqual(['VALIDATION_FAILED', '提交的内容格式无法识别，请刷新页面后重试']);
  });

  it('refuses a broken multipart body and one over 1 MB', async () => {
    expect((await expectRefusal(assertWellFormedActionPayload(action('junk', 'multipart/form-data; boundary=xx')))).code).toBe('VALIDATION_FAILED');
    expect((await expectRefusal(assertWellFormedActionPayload(action(`["${'a'.repeat(1024 * 1024)}"]`)))).code).toBe('PAYLOAD_TOO_LARGE');
  });
});
