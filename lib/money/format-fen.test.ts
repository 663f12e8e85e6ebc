import { describe, expect, it } from 'vitest';
import { formatFen } from './format-fen';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [123450, '¥1,234.50'],
    [100000000, '¥1,000,000.00'],
    [-250, '-¥2.50'],
    [900719925474099, '¥9,007,199,254,740.99'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('refuses a fractional amount', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });
});
