import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from './add-working-days';

describe('working days', () => {
  const none = new Map<string, boolean>();

  it('skips weekends', () => {
    // Tue 2026-11-24 + 5 working days = Tue 2026-12-01.
    expect(addWorkingDays('2026-11-24', 5, none)).toBe('2026-12-01');
    // Fri + 1 = Mon.
    expect(addWorkingDays('2026-11-27', 1, none)).toBe('2026-11-30');
  });

  it('skips holidays and counts make-up working weekends', () => {
    // A made-up holiday week: Mon–Wed off, the Saturday before worked (调休).
    const overrides = new Map([
      ['2026-12-05', true],
      ['2026-12-07', false],
      ['2026-12-08', false],
      ['2026-12-09', false],
    ]);
    expect(isWorkingDay('2026-12-05', overrides)).toBe(true);
    // Thu 12-03: Fri 12-04 (1), Sat 12-05 (2, make-up), Thu 12-10 (3).
    expect(addWorkingDays('2026-12-03', 3, overrides)).toBe('2026-12-10');
  });

  it('refuses a negative count', () => {
    expect(() => addWorkingDays('2026-11-24', -1, none)).toThrow(RangeError);
  });
});
