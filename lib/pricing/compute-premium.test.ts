import { describe, expect, it } from 'vitest';
import { computePremium } from './compute-premium';

describe('premium', () => {
  it('is the deposit times the rate when that is above the minimum', () => {
    // ¥800,000.00 at 15 bp = ¥1,200.00
    expect(computePremium(80_000_000, 15, 30_000)).toBe(120_000);
  });

  it('is the minimum when the rate gives less', () => {
    // ¥50,000.00 at 12 bp = ¥60.00 < ¥200.00
    expect(computePremium(5_000_000, 12, 20_000)).toBe(20_000);
  });

  it('rounds half a fen up and less than half down', () => {
    expect(computePremium(12_345, 15, 0)).toBe(19); // 18.5175 → 19
    expect(computePremium(10_000, 15, 0)).toBe(15);
    expect(computePremium(3_333, 15, 0)).toBe(5); // 4.9995 → 5
    expect(computePremium(3_000, 15, 0)).toBe(5); // 4.5 → 5
    expect(computePremium(2_999, 15, 0)).toBe(4); // 4.4985 → 4
  });

  it('stays exact for deposits where floating point would not', () => {
    // 9,007,199,254,740,991 fen × 10,000 bp overflows a double's integer precision by far.
    expect(computePremium(900_719_925_474_099, 10_000, 0)).toBe(900_719_925_474_099);
    expect(computePremium(900_719_925_474_099, 1, 0)).toBe(90_071_992_547); // …547.4099 → …547
  });

  it('refuses fractional or negative inputs', () => {
    expect(() => computePremium(100.5, 15, 0)).toThrow(RangeError);
    expect(() => computePremium(100, -1, 0)).toThrow(RangeError);
  });
});
