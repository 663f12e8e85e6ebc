import { describe, expect, it } from 'vitest';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { MAX_JSON_DEPTH, readJsonBody } from './read-json-body';

const post = (body: BodyInit, type = 'application/json') => new Request('http://localhost/api/x', { method: 'POST', body, headers: { 'content-type': type } });
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('JSON request bodies', () => {
  it('are parsed', async () => {
    expect(await readJsonBody(post('{"reason":"原因"}'))).toEqual({ reason: '原因' });
  });

  it('are refused, in Chinese, when malformed, not UTF-8, of another type, too deep or too large', async () => {
    const cases: Array<[Request, string]> = [
      [post('{"a":'), 'VALIDATION_FAILED'],
      [post(''), 'VALIDATION_FAILED'],
      [post(new Uint8Array([0x22, 0xff, 0x22])), 'VALIDATION_FAILED'],
      [post('{}', 'text/plain'), 'VALIDATION_FAILED'],
      [post(nested(MAX_JSON_DEPTH + 1)), 'VALIDATION_FAILED'],
      [post(nested(100_000)), 'VALIDATION_FAILED'],
      [post(JSON.stringify({ a: 'x'.repeat(1024 * 1024) })), 'PAYLOAD_TOO_LARGE'],
    ];
    for (const [request, code] of cases) {
      const error = await expectRefusal(readJsonBody(request));
      expect(error.code).toBe(code);
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('accept nesting up to the limit', async () => {
    expect(await readJsonBody(post(nested(MAX_JSON_DEPTH)))).toBeInstanceOf(Array);
  });
});
