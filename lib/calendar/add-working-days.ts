/** A calendar day in Beijing, as `YYYY-MM-DD`. */
export type CalendarDay = string;

/** Operator-maintained exceptions: holidays on weekdays (false) and make-up working weekends, 调休 (true). */
export type CalendarOverrides = ReadonlyMap<CalendarDay, boolean>;

const DAY_MS = 24 * 60 * 60 * 1000;

function nextDay(day: CalendarDay): CalendarDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(day: CalendarDay, overrides: CalendarOverrides): boolean {
  const override = overrides.get(day);
  if (override !== undefined) return override;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The working day that is `count` working days after `from` (from itself not counted). */
export function addWorkingDays(from: CalendarDay, count: number, overrides: CalendarOverrides): CalendarDay {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  let day = from;
  for (let found = 0; found < count; ) {
    day = nextDay(day);
    if (isWorkingDay(day, overrides)) found++;
  }
  return day;
}
