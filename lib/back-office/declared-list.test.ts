import { describe, expect, it } from 'vitest';
import { auditEventResource } from '@/lib/audit/audit-event-resource';
import { calendarDayResource } from '@/lib/calendar/calendar-day-resource';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { insurerResource } from '@/lib/insurers/insurer-resource';
import { productResource } from '@/lib/products/product-resource';
import { projectResource } from '@/lib/projects/project-resource';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { parseListParams } from './list-params';
import { listRecords } from './list-records';
import type { AnyResource } from './resource-definition';

const params = (resource: AnyResource, filter: Record<string, unknown>, sort = resource.defaultSort) =>
  parseListParams(new URLSearchParams({ filter: JSON.stringify(filter), sort: JSON.stringify([sort, 'ASC']), range: '[0,99]' }), resource.defaultSort);

describe.each(testDatabaseKinds)('declared back-office lists on %s', (kind) => {
  const f = useDemoFixture(kind);

  it('shows an operator only its region, and the platform’s own rows where the list says so', async () => {
    const { rows } = await listRecords(f.db, f.actors.operator, insurerResource, params(insurerResource, {}));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.region_id))).toEqual(new Set([f.actors.operator.regionId]));
    const all = await listRecords(f.db, f.actors.platformAdmin, insurerResource, params(insurerResource, {}));
    expect(all.total).toBeGreaterThan(rows.length);
    const audit = await listRecords(f.db, f.actors.operator, auditEventResource, params(auditEventResource, {}));
    expect(audit.rows.every((r) => r.region_id === null || r.region_id === f.actors.operator.regionId)).toBe(true);
  });

  it('searches the declared columns, taking wildcards literally', async () => {
    const [project] = (await listRecords(f.db, f.actors.operator, projectResource, params(projectResource, {}))).rows as unknown as { code: string }[];
    const found = await listRecords(f.db, f.actors.operator, projectResource, params(projectResource, { q: project!.code.toLowerCase() }));
    expect(found.rows.map((r) => (r as unknown as { code: string }).code)).toContain(project!.code);
    expect((await listRecords(f.db, f.actors.operator, projectResource, params(projectResource, { q: '%' }))).total).toBe(0);
  });

  it('applies boolean and exact filters, and refuses a value of the wrong kind with a 422', async () => {
    const inactive = await listRecords(f.db, f.actors.platformAdmin, productResource, params(productResource, { active: false }));
    expect(inactive.rows.every((r) => (r as unknown as { active: boolean }).active === false)).toBe(true);
    // A malformed id used to reach the database as a uuid and fail there.
    expect(await expectRefusal(listRecords(f.db, f.actors.platformAdmin, productResource, params(productResource, { insurer_id: 'abc' })))).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '筛选条件 insurer_id 无效',
    });
    expect((await expectRefusal(listRecords(f.db, f.actors.platformAdmin, productResource, params(productResource, { active: 'yes' })))).code).toBe('VALIDATION_FAILED');
  });

  it('lets a filter that is not a column match decide for itself (a calendar month of every year)', async () => {
    const october = await listRecords(f.db, f.actors.operator, calendarDayResource, params(calendarDayResource, { month: '10' }));
    expect(october.total).toBeGreaterThan(0);
    expect(october.rows.every((r) => String((r as unknown as { day: string }).day).slice(5, 7) === '10')).toBe(true);
    const years = new Set(october.rows.map((r) => String((r as unknown as { day: string }).day).slice(0, 4)));
    const oneYear = await listRecords(f.db, f.actors.operator, calendarDayResource, params(calendarDayResource, { year: [...years][0], month: '10' }));
    expect(oneYear.rows.every((r) => String((r as unknown as { day: string }).day).startsWith(`${[...years][0]}-10`))).toBe(true);
    expect((await expectRefusal(listRecords(f.db, f.actors.operator, calendarDayResource, params(calendarDayResource, { month: '13' })))).message).toBe('筛选的年份或月份无效');
  });
});
