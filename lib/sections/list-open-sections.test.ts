import { describe, expect, it } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { getEnterpriseProfile } from '@/lib/enterprises/get-enterprise-profile';
import { DomainError } from '@/lib/errors/domain-error';
import { getOpenSection, listOpenSections } from './list-open-sections';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDatabaseKinds)('bidder home on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();

  it('offers only sections of normal projects whose deposit deadline is ahead, soonest first', async () => {
    clock.set(SEEDED_AT);
    const { rows, total } = await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50 });
    // Demo: 12th-school (2 sections, +10d), road maintenance (2, +5d), Baijiantan lighting (2, +12d).
    expect(total).toBe(6);
    expect(rows.map((r) => r.projectCode)).toEqual([
      'WLMQ-CG-2026-0342', 'WLMQ-CG-2026-0342', 'WLMQ-JS-2026-0158', 'WLMQ-JS-2026-0158', 'KLMY-JS-2026-0052', 'KLMY-JS-2026-0052',
    ]);
    expect(rows[0]).toMatchObject({ depositFen: 5_000_000, projectType: 'procurement', regionName: '乌鲁木齐市' });
  });

  it('drops a section once its deposit deadline passes', async () => {
    clock.set(new Date(SEEDED_AT.getTime() + 6 * DAY));
    const { rows } = await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50 });
    expect(rows.map((r) => r.projectCode)).not.toContain('WLMQ-CG-2026-0342');
    expect(rows).toHaveLength(4);
  });

  it('filters and pages', async () => {
    clock.set(SEEDED_AT);
    const construction = await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50, type: 'construction' });
    expect(construction.rows.every((r) => r.projectType === 'construction')).toBe(true);
    const karamay = await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50, regionId: '650200' });
    expect(karamay.total).toBe(2);
    const second = await listOpenSections(f.db, f.actors.bidder, { page: 2, pageSize: 4 });
    expect(second).toMatchObject({ total: 6 });
    expect(second.rows).toHaveLength(2);
    const keyword = await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50, keyword: '第十二中学' });
    expect(keyword.total).toBe(2);
  });

  it('opens one section for application only while it is open', async () => {
    clock.set(SEEDED_AT);
    const [first] = (await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 1 })).rows;
    const { myOrderId, ...section } = first!;
    expect(myOrderId).toBeNull();
    expect(await getOpenSection(f.db, f.actors.bidder, first!.sectionId)).toEqual(section);
    const suspended = await f.db
      .selectFrom('sections')
      .innerJoin('projects', 'projects.id', 'sections.project_id')
      .where('projects.status', '=', 'suspended')
      .select('sections.id')
      .executeTakeFirstOrThrow();
    await expect(getOpenSection(f.db, f.actors.bidder, suspended.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getOpenSection(f.db, f.actors.bidder, 'not-a-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    clock.set(new Date(first!.depositDeadline.getTime() + 1000));
    await expect(getOpenSection(f.db, f.actors.bidder, first!.sectionId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is for bidders only', async () => {
    await expect(listOpenSections(f.db, f.actors.operator, { page: 1, pageSize: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows a bidder its own enterprise and nobody else\'s', async () => {
    const own = await getEnterpriseProfile(f.db, f.actors.bidder, f.actors.bidder.enterpriseId!);
    expect(own).toMatchObject({ name: '新疆天山建设工程有限公司', uscc: '91650100712345678G' });
    const other = f.actors.otherBidder.enterpriseId!;
    const error = await getEnterpriseProfile(f.db, f.actors.bidder, other).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await expect(getEnterpriseProfile(f.db, f.actors.otherBidder, f.actors.bidder.enterpriseId!)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
