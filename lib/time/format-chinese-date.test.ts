import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatChineseDateTime, formatChineseDay, formatChineseMonthDay } from './format-chinese-date';

describe('formatChineseDate', () => {
  it('prints the Beijing date, which is already the next day after 16:00 UTC', () => {
    expect(formatChineseDate(new Date('2026-11-03T16:30:00Z'))).toBe('2026年11月4日');
    expect(formatChineseDate('2026-01-09T01:00:00+08:00')).toBe('2026年1月9日');
  });

  it('adds the Beijing hour and minute, zero-padded', () => {
    expect(formatChineseDateTime(new Date('2026-02-28T23:05:00Z'))).toBe('2026年3月1日 07:05');
  });
});

describe('formatChineseMonthDay and formatChineseDay', () => {
  it('word a calendar day without zero padding, as the charts of 工作台 label their days', () => {
    expect(formatChineseMonthDay('2026-11-04')).toBe('11月4日');
    expect(formatChineseMonthDay('2026-01-30')).toBe('1月30日');
    expect(formatChineseDay('2026-01-09')).toBe('2026年1月9日');
  });
});
