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
