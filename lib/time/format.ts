/** Everyone using the platform works on Beijing time, whatever the server's zone. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

const beijing = new Intl.DateTimeFormat('en-CA', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Year, month, day, hour and minute of an instant in Beijing, each zero-padded. */
export function beijingParts(value: Date | string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = Object.fromEntries(beijing.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

/** 2026-11-24 09:30 in Beijing time. */
export function formatDateTime(value: Date | string): string {
  const p = beijingParts(value);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
