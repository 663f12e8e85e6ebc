import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { toBeijingWallClock } from '@/lib/time/beijing-wall-clock';
import { addWorkingDays } from './add-working-days';

/** The seed promises a refund within 3–5 working days; the platform commits to the longer bound. */
export const REFUND_WORKING_DAYS = 5;

/** The due date of a refund created at `at`: five working days after that Beijing day, by the calendar. */
export async function refundDueDate(db: Kysely<Database> | Transaction<Database>, at: Date): Promise<string> {
  const today = toBeijingWallClock(at).slice(0, 10);
  // Five working days never span more than a month, even across the Spring Festival.
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + 40 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const rows = await db
    .selectFrom('calendar_days')
    .select(['day', 'is_working_day'])
    .where('day', '>', today)
    .where('day', '<=', until)
    .execute();
  return addWorkingDays(today, REFUND_WORKING_DAYS, new Map(rows.map((r) => [r.day, r.is_working_day])));
}
