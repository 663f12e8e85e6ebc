import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { insertMissingCalendarDays } from './insert-missing-calendar-days';
import { OFFICIAL_HOLIDAY_YEARS, officialCalendarDays } from './official-holidays';

/**
 * On start, a year of the shipped schedule that the calendar says nothing about yet gets its official
 * holidays. A year with any day set is the operators' already (they may have entered the notice before
 * this release, or deleted a day on purpose): it is left alone, and 导入法定节假日 fills it in on request.
 */
export async function installBaselineHolidays(db: Kysely<Database>): Promise<void> {
  for (const year of OFFICIAL_HOLIDAY_YEARS) {
    const any = await db
      .selectFrom('calendar_days')
      .select('day')
      .where('day', '>=', `${year}-01-01`)
      .where('day', '<=', `${year}-12-31`)
      .limit(1)
      .executeTakeFirst();
    // Two instances starting together may both get here: the insert skips days already written.
    if (!any) await insertMissingCalendarDays(db, officialCalendarDays(year));
  }
}
