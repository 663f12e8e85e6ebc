import { describe, expect, it } from 'vitest';
import { loadActor } from '@/lib/auth/load-actor';
import { renderDuePolicyDocuments } from '@/lib/policies/document-jobs/render-due-policy-documents';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { backOfficeDashboard } from '@/lib/dashboard/back-office-dashboard';
import { downloadMyInvoice } from '@/lib/invoices/download-my-invoice';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import { now } from '@/lib/time/clock';
import { DEMO_ORDERS_BIDDER_PHONE, DEMO_REVIEW_OPERATOR_PHONE, demoOrdersEnterprise, demoReviewProjects, demoReviewRegion } from './demo-orders-data';
import { seedDemoOrders } from './seed-demo-orders';
import { isValidUscc } from '@/lib/enterprises/uscc';

describe.each(testDatabaseKinds)('the demo orders on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();

  const ordersOfDemoBidder = () =>
    f.db
      .selectFrom('orders')
      .innerJoin('enterprises', 'enterprises.id', 'orders.enterprise_id')
      .where('enterprises.uscc', '=', demoOrdersEnterprise.uscc)
      .select(['orders.id', 'orders.status'])
      .execute();

  it('gives a new demo bidder an order in every state, through the use cases, once', async () => {
    expect(isValidUscc(demoOrdersEnterprise.uscc)).toBe(true);
    const ordersBefore = await f.db.selectFrom('orders').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();

    const openBefore = (await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50 })).total;
    const clockBefore = now().toISOString();
    // The seed applies "days ago" under a clock of its own: what else the process does meanwhile (a request the
    // server answers during the first start) reads the present all along.
    const seenMeanwhile = new Set<string>();
    let seeding = true;
    const sample = () => {
      seenMeanwhile.add(now().toISOString());
      if (seeding) setImmediate(sample);
    };
    setImmediate(sample);
    const seeded = await seedDemoOrders(f.db).finally(() => (seeding = false));
    expect(seeded).toBe(true);
    expect([...seenMeanwhile]).toEqual([clockBefore]);
    expect(now().toISOString()).toBe(clockBefore);
    // Nothing of the demo region is open for application now: the other bidders' lists are unchanged.
    expect((await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50 })).total).toBe(openBefore);
    const bidder = await loadActor(f.db, { phone: DEMO_ORDERS_BIDDER_PHONE });
    expect(bidder).toMatchObject({ role: 'bidder' });

    const orders = await ordersOfDemoBidder();
    expect(orders.map((o) => o.status).sort()).toEqual(['cancelled', 'issued', 'issued', 'payment_review', 'pending_payment', 'surrendered']);
    // Only this bidder's orders were added: the other demo bidders still have none.
    const ordersAfter = await f.db.selectFrom('orders').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(ordersAfter.n) - Number(ordersBefore.n)).toBe(6);

    const ids = (status: string) => orders.filter((o) => o.status === status).map((o) => o.id);
    // 已取消 and 已退保 each with a refund due.
    const refunds = await f.db.selectFrom('refunds').select(['order_id', 'status', 'surrender_id']).where('order_id', 'in', [...ids('cancelled'), ...ids('surrendered')]).execute();
    expect(refunds).toHaveLength(2);
    expect(refunds.every((r) => r.status === 'pending')).toBe(true);
    expect(refunds.find((r) => r.order_id === ids('surrendered')[0])?.surrender_id).not.toBeNull();
    // 投保成功 and 已退保 with a policy, whose document the policy-document job renders.
    const policies = await f.db.selectFrom('policies').select(['order_id']).where('order_id', 'in', [...ids('issued'), ...ids('surrendered')]).execute();
    expect(policies).toHaveLength(3);
    expect(await renderDuePolicyDocuments(f.db)).toMatchObject({ claimed: 3, failed: 0 });

    // A restart adds nothing.
    expect(await seedDemoOrders(f.db)).toBe(false);
    expect(await ordersOfDemoBidder()).toHaveLength(6);
  });

  it('sends a personal-account transfer to the 昌吉回族自治州 operator for review, and invoices an order whose bid opening has passed', async () => {
    const bidder = (await loadActor(f.db, { phone: DEMO_ORDERS_BIDDER_PHONE }))!;
    const operator = (await loadActor(f.db, { phone: DEMO_REVIEW_OPERATOR_PHONE }))!;
    expect(operator).toMatchObject({ role: 'operator', regionId: demoReviewRegion.id });
    const inRegion = await f.db
      .selectFrom('orders')
      .innerJoin('sections', 'sections.id', 'orders.section_id')
      .innerJoin('projects', 'projects.id', 'sections.project_id')
      .where('projects.region_id', '=', demoReviewRegion.id)
      .select(['orders.id', 'orders.status', 'orders.created_at', 'projects.code', 'projects.bid_opening_at'])
      .execute();
    const reviewed = inRegion.find((o) => o.code === demoReviewProjects.inReview.code)!;
    const invoiced = inRegion.find((o) => o.code === demoReviewProjects.invoiced.code)!;
    expect(reviewed.status).toBe('payment_review');
    expect(invoiced.status).toBe('issued');
    // Applied for in the past, through the use cases, while the section was open.
    expect(new Date(invoiced.created_at).getTime()).toBeLessThan(new Date(invoiced.bid_opening_at).getTime());

    // The region's own rules sent it there, and the operator finds it in both review queues of 工作台.
    const transfer = await f.db
      .selectFrom('bank_transfers')
      .innerJoin('rule_decisions', 'rule_decisions.id', 'bank_transfers.decision_id')
      .innerJoin('rule_set_versions', 'rule_set_versions.id', 'rule_decisions.version_id')
      .where('bank_transfers.order_id', '=', reviewed.id)
      .select(['bank_transfers.status', 'bank_transfers.payer_kind', 'rule_set_versions.region_id'])
      .executeTakeFirstOrThrow();
    expect(transfer).toEqual({ status: 'review', payer_kind: 'personal', region_id: demoReviewRegion.id });
    const queues = (await backOfficeDashboard(f.db, operator)).queues;
    expect(queues.find((q) => q.key === 'transfers-review')!.count).toBe(1);
    expect(queues.find((q) => q.key === 'payment-review')!.count).toBe(1);
    // The baseline, which the other regions decide with, still accepts such a payment.
    const baseline = await f.db.selectFrom('rule_set_versions').select('id').where('rule_set_key', '=', 'payment-source').where('region_id', 'is', null).where('status', '=', 'published').execute();
    expect(baseline).toHaveLength(1);

    // The invoice is issued and its PDF downloads for the bidder.
    const invoice = await f.db.selectFrom('invoices').select(['status', 'document_id']).where('order_id', '=', invoiced.id).executeTakeFirstOrThrow();
    expect(invoice.status).toBe('issued');
    const file = await downloadMyInvoice(f.db, bidder, invoiced.id);
    expect(Buffer.from(file.content.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(file.fileName).toMatch(/^发票-\d{20}\.pdf$/);
  });
});
