import { beijingParts } from './format';

/**
 * An instant as the `YYYY-MM-DDTHH:mm` a datetime-local input shows, in Beijing time whatever the
 * browser's own zone (a Xinjiang machine may be set to UTC+6).
 */
export function toBeijingWallClock(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const p = beijingParts(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** `YYYY-MM-DDTHH:mm` typed as Beijing time → the instant, as ISO text with its offset. */
export function fromBeijingWallClock(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  return new Date(`${value}:00+08:00`).toISOString();
}
