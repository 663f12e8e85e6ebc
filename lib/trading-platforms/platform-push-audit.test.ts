import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { orderOnSection } from '@/lib/orders/testing/test-orders';
import { now } from '@/lib/time/clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { useFakeTradingPlatform } from './testing/use-fake-trading-platform';

const SECRET = 'audit-platform-shared-secret-0123456789abcdef';
const DAY = 24 * 60 * 60 * 1000;

describe.each(testDatabaseKinds)('pushes of a trading platform in the audit chain on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  const xj = useFakeTradingPlatform(f, { code: 'xj-audit', secret: SECRET });

  const at = (days: number) => new Date(now().getTime() + days * DAY).toISOString();
  const project = (revision: number, sections = [{ code: '01', name: '一标段', depositFen: 2_000_000 }]) => ({
    name: '乌鲁木齐市审计链测试工程', type: 'construction', regionCode: '650100', tenderer: '乌鲁木齐市城建局', revision,
    sections: sections.map((s) => ({ ...s, depositDeadline: at(9), bidOpeningAt: at(10) })),
  });
  const auditRows = () => f.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
  const appendedSince = async (before: { id: string | number }[]) => (await auditRows()).slice(before.length);

  it('appends a project create and a revision, signed by the platform, and nothing for a repeat', async () => {
    const before = await auditRows();
    expect(await xj.platform.call('PUT', '/projects/XJ-AUDIT-1', project(1))).toMatchObject({ code: 'OK' });
    expect(await xj.platform.call('PUT', '/projects/XJ-AUDIT-1', project(1))).toMatchObject({ code: 'OK', data: { unchanged: true } });
    const created = await appendedSince(before);
    const row = await f.db.selectFrom('projects').select(['id', 'bid_opening_at']).where('code', '=', 'XJ-AUDIT-1').executeTakeFirstOrThrow();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      action: 'project.platform_create', entity_type: 'project', entity_id: row.id, region_id: '650100',
      actor_id: null, actor_role: 'trading_platform', actor_label: '新疆公共资源交易网（xj-audit）',
    });
    expect(created[0]!.after).toMatchObject({ code: 'XJ-AUDIT-1', revision: 1, name: '乌鲁木齐市审计链测试工程', sections: [{ code: '01', name: '一标段', deposit_fen: 2_000_000 }] });

    const middle = await auditRows();
    expect(await xj.platform.call('PUT', '/projects/XJ-AUDIT-1', project(2, [{ code: '01', name: '一标段（调整）', depositFen: 2_500_000 }, { code: '02', name: '二标段', depositFen: 1_000_000 }]))).toMatchObject({ code: 'OK' });
    const revised = await appendedSince(middle);
    expect(revised).toHaveLength(1);
    expect(revised[0]).toMatchObject({ action: 'project.platform_update', entity_id: row.id, actor_role: 'trading_platform', reason: expect.stringContaining('修订号 2') });
    expect(revised[0]!.before).toMatchObject({ revision: 1, sections: [{ code: '01', name: '一标段', deposit_fen: 2_000_000 }] });
    expect(revised[0]!.after).toMatchObject({ revision: 2, sections: [{ code: '01', deposit_fen: 2_500_000 }, { code: '02', name: '二标段' }] });
    expect(await verifyAuditChain(f.db)).toMatchObject({ ok: true });
  });

  it('appends a status change and a bid-opening change with their reasons, once per eventId', async () => {
    const row = await f.db.selectFrom('projects').select(['id', 'bid_opening_at']).where('code', '=', 'XJ-AUDIT-1').executeTakeFirstOrThrow();
    const before = await auditRows();
    const status = { eventId: 'audit-evt-1', kind: 'status', status: 'paused', reason: '质疑处理期间暂停', occurredAt: now().toISOString() };
    expect(await xj.platform.call('POST', '/projects/XJ-AUDIT-1/events', status)).toMatchObject({ code: 'OK', data: { duplicate: false } });
    expect(await xj.platform.call('POST', '/projects/XJ-AUDIT-1/events', status)).toMatchObject({ code: 'OK', data: { duplicate: true } });
    const moved = { eventId: 'audit-evt-2', kind: 'bid_opening', bidOpeningAt: at(14), reason: '开标时间顺延至下周', occurredAt: now().toISOString() };
    expect(await xj.platform.call('POST', '/projects/XJ-AUDIT-1/events', moved)).toMatchObject({ code: 'OK' });
    const appended = await appendedSince(before);
    expect(appended.map((a) => [a.action, a.reason, a.actor_label, a.entity_id])).toEqual([
      ['project.platform_status', '质疑处理期间暂停', '新疆公共资源交易网（xj-audit）', row.id],
      ['project.platform_bid_opening', '开标时间顺延至下周', '新疆公共资源交易网（xj-audit）', row.id],
    ]);
    expect(appended[0]).toMatchObject({ before: { status: 'normal' }, after: { status: 'paused', eventId: 'audit-evt-1' } });
    expect(appended[1]).toMatchObject({ before: { bid_opening_at: row.bid_opening_at.toISOString() }, after: { bid_opening_at: new Date(at(14)).toISOString() } });
    expect(await verifyAuditChain(f.db)).toMatchObject({ ok: true });
  });

  it('appends nothing for a refused push or event', async () => {
    expect(await xj.platform.call('PUT', '/projects/XJ-AUDIT-3', project(1))).toMatchObject({ code: 'OK' });
    const row = await f.db.selectFrom('projects').select('id').where('code', '=', 'XJ-AUDIT-3').executeTakeFirstOrThrow();
    const section = await f.db.selectFrom('sections').select('id').where('project_id', '=', row.id).executeTakeFirstOrThrow();
    await orderOnSection(f, section.id);
    const before = await auditRows();
    const refusals: [Promise<unknown>, string][] = [
      [xj.platform.call('PUT', '/projects/XJ-AUDIT-1', project(1)), 'STALE_REVISION'],
      [xj.platform.call('PUT', '/projects/XJ-AUDIT-3', project(2, [{ code: '09', name: '九标段', depositFen: 1_000_000 }])), 'SECTION_IN_USE'],
      [xj.platform.call('PUT', '/projects/XJ-AUDIT-2', project(1), { secret: 'not-the-secret-not-the-secret-000000' }), 'BAD_SIGNATURE'],
      [xj.platform.call('PUT', '/projects/XJ-AUDIT-2', { ...project(1), regionCode: '650200' }), 'FORBIDDEN'],
      [xj.platform.call('PUT', '/projects/XJ-AUDIT-2', { ...project(1), sections: [] }), 'VALIDATION_FAILED'],
      [xj.platform.call('POST', '/projects/XJ-AUDIT-1/events', { eventId: 'audit-evt-3', kind: 'status', status: 'closed', reason: '无', occurredAt: now().toISOString() }), 'VALIDATION_FAILED'],
      [xj.platform.call('POST', '/projects/XJ-NONE/events', { eventId: 'audit-evt-4', kind: 'status', status: 'failed', reason: '流标', occurredAt: now().toISOString() }), 'NOT_FOUND'],
      [xj.platform.call('POST', '/projects/XJ-AUDIT-1/events', { eventId: 'audit-evt-5', kind: 'status', status: 'failed', reason: '流标', occurredAt: now().toISOString() }, { timestamp: String(Math.floor(now().getTime() / 1000) - 400) }), 'STALE_TIMESTAMP'],
    ];
    for (const [call, code] of refusals) expect(await call).toMatchObject({ code });
    expect(await auditRows()).toEqual(before);
  });
});
