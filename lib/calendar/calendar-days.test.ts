import { describe, expect, it } from 'vitest';
import { useDemoFixture } from '@/testing/use-database';
import { testDatabaseKinds } from '@/testing/test-database';
import { createRecord } from '@/lib/back-office/create-record';
import { deleteRecord } from '@/lib/back-office/delete-record';
import { getRecord } from '@/lib/back-office/get-record';
import { listRecords } from '@/lib/back-office/list-records';
import type { ListParams } from '@/lib/back-office/list-params';
import { updateRecord } from '@/lib/back-office/update-record';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { installPlatformDefaults } from '@/lib/platform/install-platform-defaults';
import { calendarDayResource, type CalendarDayRecord } from './calendar-day-resource';
import { importOfficialHolidays } from './import-official-holidays';

const page = (filter: Record<string, unknown> = {}): ListParams => ({ sort: { field: 'day', order: 'asc' }, offset: 0, limit: 100, filter });

describe.each(testDatabaseKinds)('the working-day calendar on %s', (kind) => {
  const f = useDemoFixture(kind);

  const audits = async () => Number((await f.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const day = (id: string) => f.db.selectFrom('calendar_days').selectAll().where('day', '=', id).executeTakeFirst();

  it('has the official 2026 holidays from the first start, listed by month for everyone in the back office', async () => {
    const february = await listRecords(f.db, f.actors.compliance, calendarDayResource, page({ year: '2026', month: '2' }));
    const rows = february.rows as CalendarDayRecord[];
    expect(rows.map((r) => [r.day, r.kind])).toEqual([
      ['2026-02-14', 'makeup_workday'],
      ['2026-02-15', 'weekend'],
      ...['16', '17', '18', '19', '20'].map((d) => [`2026-02-${d}`, 'holiday']),
      ['2026-02-21', 'weekend'],
      ['2026-02-22', 'weekend'],
      ['2026-02-23', 'holiday'],
      ['2026-02-28', 'makeup_workday'],
    ]);
    expect(rows[0]).toMatchObject({ id: '2026-02-14', is_working_day: true, note: '春节调休上班', weekday: 6, region_id: null });
    const year = await listRecords(f.db, f.actors.otherOperator, calendarDayResource, page({ year: '2026', is_working_day: true }));
    expect(year.total).toBe(6);
    expect((await listRecords(f.db, f.actors.operator, calendarDayResource, page({ year: '2027' }))).total).toBe(0);
  });

  it('lists a month of every year, and refuses a malformed filter', async () => {
    const octobers = (await listRecords(f.db, f.actors.operator, calendarDayResource, page({ month: '10' }))).rows as CalendarDayRecord[];
    expect(octobers.map((r) => r.day)).toEqual([...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d}`), '2026-10-10']);
    expect((await expectRefusal(listRecords(f.db, f.actors.operator, calendarDayResource, page({ month: '13' })))).code).toBe('VALIDATION_FAILED');
    expect((await expectRefusal(listRecords(f.db, f.actors.operator, calendarDayResource, page({ year: '26' })))).code).toBe('VALIDATION_FAILED');
  });

  it('is maintained by the operators of every region, each change in the audit chain without a region', async () => {
    const before = await audits();
    const created = (await createRecord(f.db, f.actors.operator, calendarDayResource, { day: '2026-12-31', is_working_day: false, note: '测试：临时休息' })) as CalendarDayRecord;
    expect(created).toMatchObject({ id: '2026-12-31', kind: 'holiday', weekday: 4 });
    const updated = await updateRecord(f.db, f.actors.otherOperator, calendarDayResource, '2026-12-31', { is_working_day: true, note: '改回上班' });
    expect(updated).toMatchObject({ is_working_day: true, note: '改回上班', kind: 'workday' });
    await deleteRecord(f.db, f.actors.platformAdmin, calendarDayResource, '2026-12-31');
    expect(await day('2026-12-31')).toBeUndefined();
    const events = await f.db.selectFrom('audit_events').select(['action', 'region_id', 'entity_id']).orderBy('id', 'desc').limit(3).execute();
    expect(events.reverse()).toEqual([
      { action: 'calendar_day.create', region_id: null, entity_id: '2026-12-31' },
      { action: 'calendar_day.update', region_id: null, entity_id: '2026-12-31' },
      { action: 'calendar_day.delete', region_id: null, entity_id: '2026-12-31' },
    ]);
    expect(await audits()).toBe(before + 3);
  });

  it('refuses compliance every change, and changes nothing', async () => {
    const before = await audits();
    for (const work of [
      () => createRecord(f.db, f.actors.compliance, calendarDayResource, { day: '2026-12-30', is_working_day: false }),
      () => updateRecord(f.db, f.actors.compliance, calendarDayResource, '2026-02-14', { is_working_day: false }),
      () => deleteRecord(f.db, f.actors.compliance, calendarDayResource, '2026-02-14'),
      () => importOfficialHolidays(f.db, f.actors.compliance, { year: 2026 }),
    ]) {
      expect((await expectRefusal(work())).code).toBe('READ_ONLY_ROLE');
    }
    expect((await expectRefusal(createRecord(f.db, f.actors.bidder, calendarDayResource, { day: '2026-12-30', is_working_day: false }))).code).toBe('FORBIDDEN');
    expect(await day('2026-02-14')).toMatchObject({ is_working_day: true });
    expect(await day('2026-12-30')).toBeUndefined();
    expect(await audits()).toBe(before);
  });

  it('validates days and refuses a day set twice', async () => {
    const invalid = await expectRefusal(createRecord(f.db, f.actors.operator, calendarDayResource, { day: '2026-02-30', is_working_day: false }));
    expect(invalid.fieldErrors).toEqual({ day: '日期不是有效的日期' });
    const twice = await expectRefusal(createRecord(f.db, f.actors.operator, calendarDayResource, { day: '2026-02-14', is_working_day: false }));
    expect(twice.code).toBe('CONFLICT');
    expect((await expectRefusal(getRecord(f.db, f.actors.operator, calendarDayResource, '2026-03-01'))).code).toBe('NOT_FOUND');
  });

  it('keeps the operators\' edits when the platform starts again, and 导入法定节假日 only fills what is missing', async () => {
    await updateRecord(f.db, f.actors.operator, calendarDayResource, '2026-10-07', { is_working_day: true, note: '本地安排上班' });
    await deleteRecord(f.db, f.actors.operator, calendarDayResource, '2026-10-06');
    await installPlatformDefaults(f.db, new Date());
    expect(await day('2026-10-07')).toMatchObject({ is_working_day: true, note: '本地安排上班' });
    expect(await day('2026-10-06')).toBeUndefined();

    const before = await audits();
    const imported = await importOfficialHolidays(f.db, f.actors.otherOperator, { year: 2026 });
    expect(imported.added).toEqual(['2026-10-06']);
    expect(imported.kept).toHaveLength(38);
    expect(await day('2026-10-06')).toMatchObject({ is_working_day: false, note: '国庆节放假' });
    expect(await day('2026-10-07')).toMatchObject({ is_working_day: true, note: '本地安排上班' });
    const event = await f.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'calendar_day.import_official', entity_id: '2026', region_id: null });

    // Nothing left to add: nothing written, nothing recorded.
    expect((await importOfficialHolidays(f.db, f.actors.operator, { year: 2026 })).added).toEqual([]);
    expect(await audits()).toBe(before + 1);
    const unknown = await expectRefusal(importOfficialHolidays(f.db, f.actors.operator, { year: 2031 }));
    expect(unknown.fieldErrors).toEqual({ year: '暂无该年份的法定节假日安排' });
  });
});
