import { sql } from 'kysely';
import { z } from 'zod';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
import { DomainError } from '@/lib/errors/domain-error';

/** How a set day differs from the usual week (Monday to Friday worked, weekends off). */
export type CalendarDayKind = 'holiday' | 'makeup_workday' | 'weekend' | 'workday';

export interface CalendarDayRecord {
  /** The day itself (YYYY-MM-DD): there is one row per day. */
  id: string;
  day: string;
  is_working_day: boolean;
  note: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  kind: CalendarDayKind;
  /** The calendar is national: no region. */
  region_id: null;
}

const calendarDay = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 YYYY-MM-DD` })
    // zod runs this even when the format check failed, and an impossible date (2026-13-45) makes an
    // Invalid Date whose toISOString throws: compare the time value instead.
    .refine((v) => isRealDay(v), { error: `${label}不是有效的日期` });

/** 2026-02-28 is; 2026-02-30 (which Date rolls over to March) and 2026-13-45 are not. */
function isRealDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
}

const note = z.string({ error: '说明必须是文字' }).trim().max(100, { error: '说明不能超过 100 个字符' }).default('');

const createSchema = z.object({
  day: calendarDay('日期'),
  is_working_day: z.boolean({ error: '请选择是否工作日' }),
  note,
});

const updateSchema = z.object({
  is_working_day: z.boolean({ error: '请选择是否工作日' }),
  note,
});

function selectDays(db: Parameters<ResourceDefinition['findById']>[0]) {
  const weekday = sql<number>`extract(isodow from calendar_days.day)::int`;
  return db
    .selectFrom('calendar_days')
    .select(['calendar_days.day as id', 'calendar_days.day', 'calendar_days.is_working_day', 'calendar_days.note'])
    .select([
      weekday.as('weekday'),
      sql<CalendarDayKind>`case
        when calendar_days.is_working_day then (case when ${weekday} >= 6 then 'makeup_workday' else 'workday' end)
        else (case when ${weekday} >= 6 then 'weekend' else 'holiday' end)
      end`.as('kind'),
      sql<null>`null`.as('region_id'),
    ]);
}

const YEAR = /^\d{4}$/;
const badPeriod = () => new DomainError('VALIDATION_FAILED', '筛选的年份或月份无效');
const MONTH = /^(0?[1-9]|1[0-2])$/;

/**
 * 工作日历: the days that differ from the usual week — public holidays and make-up working days (调休) —
 * by which refunds fall due. National, so every back-office writer maintains it; compliance reads it.
 */
export const calendarDayResource: ResourceDefinition<CalendarDayRecord, z.output<typeof createSchema>, z.output<typeof updateSchema>> = {
  name: 'calendar-days',
  entityType: 'calendar_day',
  label: '工作日历',
  idSchema: calendarDay('日期'),
  defaultSort: 'day',
  nationwide: true,

  list: declaredList({
    from: selectDays,
    id: 'calendar_days.day',
    region: 'everyone',
    filters: {
      year: {
        where(query, year, filter) {
          const month = filter.month === undefined || filter.month === '' ? undefined : String(filter.month);
          if (!YEAR.test(String(year)) || (month !== undefined && !MONTH.test(month))) throw badPeriod();
          const from = month ? `${year}-${month.padStart(2, '0')}-01` : `${year}-01-01`;
          const until = month ? sql<string>`(${from}::date + interval '1 month')::date` : sql<string>`${`${Number(year) + 1}-01-01`}::date`;
          return query.where('calendar_days.day', '>=', from).where(sql<boolean>`calendar_days.day < ${until}`);
        },
      },
      month: {
        where(query, month, filter) {
          if (!MONTH.test(String(month))) throw badPeriod();
          // With a year, the year filter takes the month; alone, it is that month of every year (every October's National Day).
          if (filter.year !== undefined && filter.year !== '') return query;
          return query.where(sql<boolean>`extract(month from calendar_days.day) = ${Number(month)}`);
        },
      },
      is_working_day: { column: 'calendar_days.is_working_day', type: 'boolean' },
    },
    sortable: { id: 'calendar_days.day', day: 'calendar_days.day' },
  }),

  findById: (db, id) => selectDays(db).where('calendar_days.day', '=', String(id)).executeTakeFirst(),

  create: {
    schema: createSchema,
    regionOf: async () => null,
    async insert(trx, input) {
      const existing = await trx.selectFrom('calendar_days').select('day').where('day', '=', input.day).executeTakeFirst();
      if (existing) throw new DomainError('CONFLICT', `${input.day} 已有设置，请在列表中修改该日期`, { day: '该日期已有设置' });
      await trx.insertInto('calendar_days').values(input).execute();
      return (await selectDays(trx).where('calendar_days.day', '=', input.day).executeTakeFirst())!;
    },
  },

  update: {
    schema: updateSchema,
    async apply(trx, existing, input) {
      await trx.updateTable('calendar_days').set(input).where('day', '=', existing.day).execute();
      return (await selectDays(trx).where('calendar_days.day', '=', existing.day).executeTakeFirst())!;
    },
  },

  async remove(trx, existing) {
    await trx.deleteFrom('calendar_days').where('day', '=', existing.day).execute();
  },
};
