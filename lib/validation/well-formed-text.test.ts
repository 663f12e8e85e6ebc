import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { parseInput } from './parse-input';
import { findMalformedText, malformedTextProblem } from './well-formed-text';

describe('well-formed text', () => {
  it.each([
    ['a lone high surrogate at the end', '退保备注\ud800', 'lone_surrogate'],
    ['a lone low surrogate', '\udc00原因', 'lone_surrogate'],
    ['a reversed pair', 'x\udc00\ud800y', 'lone_surrogate'],
    ['U+0000', '名称\u0000', 'nul_character'],
    ['an emoji (a proper pair)', '好评👍', null],
    ['U+FFFD itself', '\ufffd', null],
    ['plain Chinese', '项目暂停', null],
  ])('%s', (_label, text, problem) => {
    expect(malformedTextProblem(text)).toBe(problem);
  });

  it('finds malformed text at any depth, in values and in keys, and names where', () => {
    expect(findMalformedText({ a: [{ b: 'ok' }, { c: 'bad\ud800' }] })).toEqual({ path: 'a.1.c', problem: 'lone_surrogate' });
    expect(findMalformedText({ formData: { ['key\udfff']: 'v' } })).toEqual({ path: 'formData', problem: 'lone_surrogate' });
    expect(findMalformedText('\ud800')).toEqual({ path: '_', problem: 'lone_surrogate' });
    expect(findMalformedText({ when: new Date(), n: 1, bytes: new Uint8Array([0xed, 0xa0, 0x80]), fine: ['是'] })).toBeNull();
  });

  it('is checked by parseInput before the schema, whatever the schema allows', async () => {
    const anything = z.object({ note: z.unknown() });
    const refused = await expectRefusal(Promise.resolve().then(() => parseInput(anything, { note: { deep: ['文本\ud800'] } })));
    expect([refused.code, refused.message, refused.fieldErrors]).toEqual([
      'VALIDATION_FAILED',
      '提交的信息有误：包含无法识别的字符（不成对的代理项）',
      { 'note.deep.0': '包含无法识别的字符（不成对的代理项）' },
    ]);
    expect(parseInput(anything, { note: '好评👍' })).toEqual({ note: '好评👍' });
  });
});
