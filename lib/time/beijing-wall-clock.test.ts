import { describe, expect, it } from 'vitest';
import { fromBeijingWallClock, toBeijingWallClock } from './beijing-wall-clock';

describe('Beijing wall-clock time for date-time inputs', () => {
  it('shows an instant in Beijing time', () => {
    expect(toBeijingWallClock('2026-12-05T02:00:00.000Z')).toBe('2026-12-05T10:00');
    expect(toBeijingWallClock('2026-12-31T16:30:00Z')).toBe('2027-01-01T00:30');
    expect(toBeijingWallClock(null)).toBe('');
  });

  it('reads what was typed as Beijing time', () => {
    expect(fromBeijingWallClock('2026-12-05T10:00')).toBe('2026-12-05T02:00:00.000Z');
    expect(fromBeijingWallClock('')).toBeNull();
    expect(fromBeijingWallClock('10:00')).toBeNull();
  });

  it('round-trips', () => {
    const instant = '2026-07-01T23:59:00.000Z';
    expect(fromBeijingWallClock(toBeijingWallClock(instant))).toBe(instant);
  });
});
