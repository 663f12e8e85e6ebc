import { describe, expect, it } from 'vitest';
import { demoEnterprises } from '@/lib/platform/demo-data';
import { isValidUscc, normalizeUscc, USCC_ALPHABET, usccProblem, withCheckCharacter } from './uscc';

// Published codes of real enterprises (their business licences), and the demo's two.
const KNOWN_VALID = ['91350100M000100Y43', '91110000600037341L', '91440300708461136T', ...demoEnterprises.map((e) => e.uscc)];

describe('统一社会信用代码', () => {
  it.each(KNOWN_VALID)('accepts the valid code %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
    expect(usccProblem(code)).toBeNull();
  });

  it.each(KNOWN_VALID)('catches every single-character change of %s', (code) => {
    const missed: string[] = [];
    for (let i = 0; i < code.length; i++) {
      for (const c of USCC_ALPHABET) {
        if (c === code[i]) continue;
        const changed = code.slice(0, i) + c + code.slice(i + 1);
        if (isValidUscc(changed) || usccProblem(changed) === null) missed.push(changed);
      }
    }
    expect(missed).toEqual([]);
  });

  it('says what is wrong, in Chinese', () => {
    expect(usccProblem('91350100M000100Y4')).toBe('统一社会信用代码应为 18 位（当前 17 位）');
    expect(usccProblem('91350100I000100Y43')).toBe('统一社会信用代码只能包含数字和除 I、O、Z、S、V 以外的大写字母（“I”无效）');
    expect(usccProblem('91350100M000100Y44')).toBe('统一社会信用代码校验位不正确，请核对后重新输入');
    expect(usccProblem('')).toBe('统一社会信用代码应为 18 位（当前 0 位）');
  });

  it('takes the code as people type it: spaces dropped, lower case raised', () => {
    expect(normalizeUscc(' 9135 0100 m000 100y43 ')).toBe('91350100M000100Y43');
  });

  it('makes valid codes from any 17 characters of the alphabet (for tests and fixtures)', () => {
    expect(withCheckCharacter('91350100M000100Y4')).toBe('91350100M000100Y43');
    for (let n = 0; n < 200; n++) {
      const first17 = Array.from({ length: 17 }, () => USCC_ALPHABET[Math.floor(Math.random() * USCC_ALPHABET.length)]).join('');
      expect(isValidUscc(withCheckCharacter(first17))).toBe(true);
    }
    expect(() => withCheckCharacter('short')).toThrow(/not the first 17/);
    expect(() => withCheckCharacter('91350100O000100Y4')).toThrow(/not the first 17/);
  });
});
