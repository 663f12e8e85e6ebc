import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatChineseDateTime } from './format-chinese-date';

describe('formatChineseDate', () => {
  it('prints the Beijing date, which is already the next day after 16:00 UTC', () => {
    expect(formatChineseDate(new Date('2026-11-03T16:30:00Z'))).toBe('2026年11月4日');
    expect(formatChineseDate('2026-01-09T01:00:00+08:00')).toBe('2026年1月9日');
  });

  it('adds the Beijing hour and minute, zero-padded', () => {
    expect(formatChineseDateTime(new Date('2026-02-28T23:05:00Z'))).toBe('2026年3月1日 07:05');
  });
});
