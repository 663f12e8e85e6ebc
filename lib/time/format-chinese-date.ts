import { beijingParts } from './format';

/** 2026年11月4日, the date in Beijing as printed on official documents (no zero padding). */
export function formatChineseDate(value: Date | string): string {
  const p = beijingParts(value);
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日`;
}

/** 2026年11月4日 09:30 in Beijing time. */
export function formatChineseDateTime(value: Date | string): string {
  const p = beijingParts(value);
  return `${formatChineseDate(value)} ${p.hour}:${p.minute}`;
}

/** 11月4日, a calendar day (YYYY-MM-DD, already a Beijing day) on a chart's axis, where the year would crowd it. */
export function formatChineseMonthDay(day: string): string {
  const [, month, date] = day.split('-');
  return `${Number(month)}月${Number(date)}日`;
}

/** 2026年11月4日 for a calendar day (YYYY-MM-DD) that is already a Beijing day. */
export function formatChineseDay(day: string): string {
  return `${day.slice(0, 4)}年${formatChineseMonthDay(day)}`;
}
