import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { insertMissingCalendarDays } from './insert-missing-calendar-days';
import { OFFICIAL_HOLIDAYS, officialCalendarDays } from './official-holidays';

export interface OfficialHolidayImport {
  year: number;
  /** Days written now. */
  added: string[];
  /** Days of the schedule the calendar already had: kept as the operators set them. */
  kept: string[];
}

const inputSchema = z.object({
  year: z.coerce
    .number({ error: '请选择年份' })
    .int({ error: '请选择年份' })
    .refine((year) => Object.hasOwn(OFFICIAL_HOLIDAYS, year), { error: '暂无该年份的法定节假日安排' }),
});

/**
 * 导入法定节假日: adds a year's official holidays and make-up working days to the national calendar,
 * leaving every day already set as it is. Any back-office writer may: the calendar belongs to no region.
 */
export async function importOfficialHolidays(db: Kysely<Database>, actor: Actor, input: unknown): Promise<OfficialHolidayImport> {
  requireWriter(actor);
  const { year } = parseInput(inputSchema, input);
  const schedule = officialCalendarDays(year);
  return writeTransaction(db, async (trx) => {
    const added = await insertMissingCalendarDays(trx, schedule);
    const kept = schedule.map((d) => d.day).filter((day) => !added.includes(day));
    // Nothing written, nothing to record.
    if (added.length) {
      await appendAuditEvent(trx, actor, {
        action: 'calendar_day.import_official',
        entityType: 'calendar_day',
        entityId: String(year),
        regionId: null,
        after: { year, notice: OFFICIAL_HOLIDAYS[year]!.notice, added: schedule.filter((d) => added.includes(d.day)), kept },
      });
    }
    return { year, added, kept };
  });
}
