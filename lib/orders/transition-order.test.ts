import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { VALID_APPLICATION } from '@/forms/fixtures/application-submissions';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { listProductsForSection } from '@/lib/products/list-products-for-section';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import { getMyOrder } from './get-my-order';
import { submitAsSeen } from '@/lib/orders/testing/submit-as-seen';
import { transitionOrder } from './transition-order';

describe.each(testDatabaseKinds)('order transitions on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();

  /** Each test its own order, awaiting payment, on a section the bidder has none on yet. */
  const newOrder = async () => {
    const section = (await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50 })).rows.find((s) => !s.myOrderId)!;
    const [product] = await listProductsForSection(f.db, f.actors.bidder, section.sectionId);
    return (await submitAsSeen(f.db, f.actors.bidder, { sectionId: section.sectionId, productId: product!.productId, noticeAccepted: true, formData: VALID_APPLICATION })).id;
  };
  const statusOf = async (orderId: string) => (await getMyOrder(f.db, f.actors.bidder, orderId)).status;
  const receivePayment = (orderId: string) =>
    f.db.transaction().execute((trx) => transitionOrder(trx, f.actors.operator, orderId, 'receivePayment', { reason: '收到银行转账' }));

  it('refuses an edge the lifecycle does not have, and changes nothing', async () => {
    const orderId = await newOrder();
    const error = await expectRefusal(f.db.transaction().execute((trx) => transitionOrder(trx, null, orderId, 'acceptPayment', { reason: '越级出函' })));
    expect(error.message).toBe('订单当前状态为「待支付」，不能支付审核通过');
    expect(await statusOf(orderId)).toBe('pending_payment');
  });

  it('follows an allowed edge and records who, why and from where', async () => {
    const orderId = await newOrder();
    await receivePayment(orderId);
    const detail = await getMyOrder(f.db, f.actors.bidder, orderId);
    expect(detail.status).toBe('payment_review');
    expect(detail.events.at(-1)).toMatchObject({ fromStatus: 'pending_payment', toStatus: 'payment_review', reason: '收到银行转账', actorName: f.actors.operator.name });
  });

  it('lets two racing transitions from the same state produce one outcome', async () => {
    const orderId = await newOrder();
    await receivePayment(orderId);
    const results = await Promise.allSettled([
      f.db.transaction().execute((trx) => transitionOrder(trx, null, orderId, 'acceptPayment', { reason: 'A' })),
      f.db.transaction().execute((trx) => transitionOrder(trx, null, orderId, 'rejectPayment', { reason: 'B' })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const detail = await getMyOrder(f.db, f.actors.bidder, orderId);
    expect(detail.events.filter((e) => e.fromStatus === 'payment_review')).toHaveLength(1);
  });

  it('keeps the timeline append-only in the database', async () => {
    await receivePayment(await newOrder());
    await expect(sql`update order_events set reason = 'rewritten'`.execute(f.db)).rejects.toThrow(/append-only/);
  });
});
