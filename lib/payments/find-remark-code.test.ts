import { describe, expect, it } from 'vitest';
import { remarkCandidates } from './find-remark-code';

describe('remark codes in a transfer remark', () => {
  it.each([
    ['the code alone', 'FTGHF7HX'],
    ['lower case with spaces', 'ftg hf7 hx'],
    ['after a Chinese label', '附言：FTGHF7HX'],
    ['after other text of code characters', 'PAY FTGHF7HX'],
    ['after a year', '2026 FTGHF7HX'],
    ['before other text', 'FTGHF7HX 保费 TAX'],
    ['between other words', '投标 保费FTGHF7HXDEPOSIT'],
  ])('finds the code %s', (_case, remark) => {
    expect(remarkCandidates(remark)).toContain('FTGHF7HX');
  });

  it('finds nothing in a remark without 8 code characters in a row', () => {
    expect(remarkCandidates('投标保证金保费')).toEqual([]);
    expect(remarkCandidates('FTGH-0F7HX')).toEqual([]);
  });
});
