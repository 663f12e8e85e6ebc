import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { OfficialCalendarDay } from './official-holidays';

/**
 * Writes official calendar days that the calendar does not have yet and returns the days it wrote. A day
 * already there keeps what it says: the operators' word wins over the shipped schedule.
 */
export async function insertMissingCalendarDays(db: Kysely<Database> | Transaction<Database>, days: readonly OfficialCalendarDay[]): Promise<string[]> {
  if (days.length === 0) return [];
  const rows = await db
    .insertInto('calendar_days')
    .values(days.map((d) => ({ day: d.day, is_working_day: d.isWorkingDay, note: d.note })))
    .onConflict((oc) => oc.column('day').doNothing())
    .returning('day')
    .execute();
  return rows.map((r) => r.day).sort();
}
