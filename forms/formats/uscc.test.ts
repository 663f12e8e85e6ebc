import { describe, expect, it } from 'vitest';
import { isValidUscc, usccCheckCharacter } from './uscc';

describe('unified social credit code', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '91440300708461136T'])('accepts the published code %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('refuses a wrong check character', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
  });

  it.each([
    ['letters outside the set (I, O, S, V, Z)', '91350100I000100Y43'],
    ['lower case', '91350100m000100y43'],
    ['17 characters', '91350100M000100Y4'],
    ['19 characters', '91350100M000100Y430'],
    ['empty', ''],
  ])('refuses %s', (_label, code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  it('computes the check character of the first 17', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(usccCheckCharacter('short')).toBeNull();
  });
});
