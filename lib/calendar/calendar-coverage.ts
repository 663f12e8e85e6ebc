import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '@/db/database';
import { requireBackOffice } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/actor';
import { now } from '@/lib/time/clock';
import { toBeijingWallClock } from '@/lib/time/beijing-wall-clock';

/**
 * A year "has its schedule" once the working-day calendar holds any day of it (imported from the State
 * Council's notice or entered by an operator). Until then every weekday of that year counts as a working
 * day — a guess: due dates that fall into it are provisional, and the back office is asked to enter it.
 */
export function dueDateIsProvisional(dueDate: Expression<string> | string): Expression<SqlBool> {
  const day = typeof dueDate === 'string' ? sql.ref(dueDate) : dueDate;
  return sql<SqlBool>`not exists (
    select 1 from calendar_days
     where calendar_days.day >= date_trunc('year', ${day}::date)::date
       and calendar_days.day < (date_trunc('year', ${day}::date) + interval '1 year')::date
  )`;
}

/** The coming year's notice is published in late autumn: from 1 November its absence is worth a banner. */
const ASK_FOR_NEXT_YEAR_FROM_MONTH = 11;

export interface CalendarCoverage {
  /** Years the calendar is needed for now (this one; the next one from 1 November) that have no day in it. */
  missingYears: number[];
}

/** What the working-day calendar still lacks, for the banner on 工作日历 (and the dashboard). */
export async function calendarCoverage(db: Kysely<Database>, actor: Actor, at: Date = now()): Promise<CalendarCoverage> {
  requireBackOffice(actor);
  const today = toBeijingWallClock(at).slice(0, 10);
  const year = Number(today.slice(0, 4));
  const needed = Number(today.slice(5, 7)) >= ASK_FOR_NEXT_YEAR_FROM_MONTH ? [year, year + 1] : [year];
  const rows = await db
    .selectFrom('calendar_days')
    .select(sql<number>`extract(year from day)::int`.as('year'))
    .where('day', '>=', `${needed[0]}-01-01`)
    .where('day', '<=', `${needed.at(-1)}-12-31`)
    .groupBy(sql`extract(year from day)::int`)
    .execute();
  const covered = new Set(rows.map((r) => Number(r.year)));
  return { missingYears: needed.filter((y) => !covered.has(y)) };
}
