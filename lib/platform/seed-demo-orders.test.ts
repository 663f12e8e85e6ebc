import { describe, expect, it } from 'vitest';
import { loadActor } from '@/lib/auth/load-actor';
import { renderDuePolicyDocuments } from '@/lib/policies/document-jobs/render-due-policy-documents';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { DEMO_ORDERS_BIDDER_PHONE, demoOrdersEnterprise } from './demo-orders-data';
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

    expect(await seedDemoOrders(f.db)).toBe(true);
    const bidder = await loadActor(f.db, { phone: DEMO_ORDERS_BIDDER_PHONE });
    expect(bidder).toMatchObject({ role: 'bidder' });

    const orders = await ordersOfDemoBidder();
    expect(orders.map((o) => o.status).sort()).toEqual(['cancelled', 'issued', 'pending_payment', 'surrendered']);
    // Only this bidder's orders were added: the other demo bidders still have none.
    const ordersAfter = await f.db.selectFrom('orders').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(ordersAfter.n) - Number(ordersBefore.n)).toBe(4);

    const ids = (status: string) => orders.filter((o) => o.status === status).map((o) => o.id);
    // 已取消 and 已退保 each with a refund due.
    const refunds = await f.db.selectFrom('refunds').select(['order_id', 'status', 'surrender_id']).where('order_id', 'in', [...ids('cancelled'), ...ids('surrendered')]).execute();
    expect(refunds).toHaveLength(2);
    expect(refunds.every((r) => r.status === 'pending')).toBe(true);
    expect(refunds.find((r) => r.order_id === ids('surrendered')[0])?.surrender_id).not.toBeNull();
    // 投保成功 and 已退保 with a policy, whose document the policy-document job renders.
    const policies = await f.db.selectFrom('policies').select(['order_id']).where('order_id', 'in', [...ids('issued'), ...ids('surrendered')]).execute();
    expect(policies).toHaveLength(2);
    expect(await renderDuePolicyDocuments(f.db)).toMatchObject({ claimed: 2, failed: 0 });

    // A restart adds nothing.
    expect(await seedDemoOrders(f.db)).toBe(false);
    expect(await ordersOfDemoBidder()).toHaveLength(4);
  });
});
