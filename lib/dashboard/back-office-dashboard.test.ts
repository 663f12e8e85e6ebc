import { describe, expect, it } from 'vitest';
import { listRecords } from '@/lib/back-office/list-records';
import { backOfficeResource } from '@/lib/back-office/resource-registry';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { orderOnNewProject } from '@/lib/orders/testing/order-on-new-project';
import { applyForSurrender } from '@/lib/surrenders/apply-for-surrender';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { backOfficeDashboard } from './back-office-dashboard';

describe.each(testDatabaseKinds)('工作台 on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();

  it("each queue tile says its queue's own total, for the reader's region", async () => {
    const { orderId } = await orderOnNewProject(f);
    await applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'abandon_bid' });
    for (const actor of [f.actors.operator, f.actors.otherOperator, f.actors.platformAdmin]) {
      const { queues } = await backOfficeDashboard(f.db, actor);
      expect(queues.map((q) => q.key)).toEqual([
        'transfers-unmatched', 'transfers-review', 'payment-review', 'tickets-open', 'surrenders-submitted', 'invoices-requested', 'refunds-overdue',
      ]);
      for (const queue of queues) {
        const resource = backOfficeResource(queue.resource);
        const listed = await listRecords(f.db, actor, resource, { sort: { field: resource.defaultSort, order: 'asc' }, offset: 0, limit: 200, filter: queue.filter });
        expect(queue.count, queue.key).toBe(listed.total);
      }
    }
    const mine = await backOfficeDashboard(f.db, f.actors.operator);
    expect(mine.queues.find((q) => q.key === 'surrenders-submitted')!.count).toBeGreaterThanOrEqual(1);
  });

  it("counts today's and this month's orders and paid premiums, by insurer and project type, and 30 days of orders", async () => {
    const before = (await backOfficeDashboard(f.db, f.actors.operator)).figures;
    const theirsBefore = (await backOfficeDashboard(f.db, f.actors.otherOperator)).figures;
    const { premiumFen } = await orderOnNewProject(f);
    await orderOnNewProject(f, { unpaid: true });
    const after = (await backOfficeDashboard(f.db, f.actors.operator)).figures;
    expect(after.today.orders).toBe(before.today.orders + 2);
    expect(after.month.orders).toBe(before.month.orders + 2);
    // Only the paid order's premium counts.
    expect(after.today.premiumFen).toBe(before.today.premiumFen + premiumFen);
    expect(after.month.premiumFen).toBe(before.month.premiumFen + premiumFen);
    const sum = (rows: { premiumFen: number }[]) => rows.reduce((s, r) => s + r.premiumFen, 0);
    expect(sum(after.premiumsByInsurer)).toBe(after.month.premiumFen);
    expect(sum(after.premiumsByProjectType)).toBe(after.month.premiumFen);
    expect(after.premiumsByProjectType.map((r) => r.label)).toContain('建设工程');
    expect(after.dailyOrders).toHaveLength(30);
    expect(after.dailyOrders.at(-1)).toEqual({ day: '2026-11-24', orders: after.today.orders });
    // Another region's operator does not see these orders.
    const theirs = (await backOfficeDashboard(f.db, f.actors.otherOperator)).figures;
    expect(theirs.today).toEqual(theirsBefore.today);
  });

  it("shows compliance each rule set's outcomes week by week and the audit chain's state; an operator gets neither", async () => {
    await orderOnNewProject(f);
    const { compliance } = await backOfficeDashboard(f.db, f.actors.compliance);
    expect(compliance!.auditChain).toMatchObject({ ok: true });
    const paymentSource = compliance!.decisions.find((d) => d.ruleSetKey === 'payment-source')!;
    expect(paymentSource.weeks).toHaveLength(8);
    // Each week by its first day, which the page words (11月4日).
    for (const week of paymentSource.weeks) expect(week).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(paymentSource.outcomes.reduce((s, o) => s + o.counts.reduce((a, b) => a + b, 0), 0)).toBeGreaterThanOrEqual(1);
    expect((await backOfficeDashboard(f.db, f.actors.operator)).compliance).toBeNull();
    await expectRefusal(backOfficeDashboard(f.db, f.actors.bidder));
  });
});
