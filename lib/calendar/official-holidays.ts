import type { CalendarDay } from './add-working-days';

/** One holiday of a year's State Council notice: the days off, and the weekend days worked instead (调休). */
export interface OfficialHoliday {
  name: string;
  /** First and last day off, inclusive. */
  off: readonly [CalendarDay, CalendarDay];
  workdays: readonly CalendarDay[];
}

export interface OfficialSchedule {
  notice: string;
  holidays: readonly OfficialHoliday[];
}

/**
 * The public holidays and make-up working days of the State Council's yearly notice.
 *
 * 2026: 国务院办公厅关于2026年部分节假日安排的通知, published on 4 November 2025; every holiday and make-up
 * working day below was compared with the notice's text as reprinted by Xinhua (新华社) and matches it:
 *
 *   元旦    1月1日–3日 放假；1月4日（周日）上班
 *   春节    2月15日–23日 放假；2月14日（周六）、2月28日（周六）上班
 *   清明节  4月4日–6日 放假
 *   劳动节  5月1日–5日 放假；5月9日（周六）上班
 *   端午节  6月19日–21日 放假
 *   中秋节  9月25日–27日 放假
 *   国庆节  10月1日–7日 放假；9月20日（周日）、10月10日（周六）上班
 *
 * A new year's notice (published each autumn) is added as one more entry, checked the same way. Until it is
 * here and in the calendar, the back office shows a banner from 1 November (calendar-coverage.ts).
 */
export const OFFICIAL_HOLIDAYS: Readonly<Record<number, OfficialSchedule>> = {
  2026: {
    notice: '国务院办公厅关于2026年部分节假日安排的通知',
    holidays: [
      { name: '元旦', off: ['2026-01-01', '2026-01-03'], workdays: ['2026-01-04'] },
      { name: '春节', off: ['2026-02-15', '2026-02-23'], workdays: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', off: ['2026-04-04', '2026-04-06'], workdays: [] },
      { name: '劳动节', off: ['2026-05-01', '2026-05-05'], workdays: ['2026-05-09'] },
      { name: '端午节', off: ['2026-06-19', '2026-06-21'], workdays: [] },
      { name: '中秋节', off: ['2026-09-25', '2026-09-27'], workdays: [] },
      { name: '国庆节', off: ['2026-10-01', '2026-10-07'], workdays: ['2026-09-20', '2026-10-10'] },
    ],
  },
};

export const OFFICIAL_HOLIDAY_YEARS: readonly number[] = Object.keys(OFFICIAL_HOLIDAYS).map(Number).sort();

export interface OfficialCalendarDay {
  day: CalendarDay;
  isWorkingDay: boolean;
  note: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A year's schedule as calendar rows: every day off (weekends inside a holiday too, so it reads whole) and every make-up working day. */
export function officialCalendarDays(year: number): OfficialCalendarDay[] {
  const schedule = OFFICIAL_HOLIDAYS[year];
  if (!schedule) return [];
  const days: OfficialCalendarDay[] = [];
  for (const holiday of schedule.holidays) {
    for (let t = Date.parse(`${holiday.off[0]}T00:00:00Z`); t <= Date.parse(`${holiday.off[1]}T00:00:00Z`); t += DAY_MS) {
      days.push({ day: new Date(t).toISOString().slice(0, 10), isWorkingDay: false, note: `${holiday.name}放假` });
    }
    for (const day of holiday.workdays) days.push({ day, isWorkingDay: true, note: `${holiday.name}调休上班` });
  }
  return days.sort((a, b) => a.day.localeCompare(b.day));
}
