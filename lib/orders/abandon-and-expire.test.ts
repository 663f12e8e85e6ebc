import { describe, expect, it } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { VALID_APPLICATION } from '@/forms/fixtures/application-submissions';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { listProductsForSection } from '@/lib/products/list-products-for-section';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import { abandonOrder } from './abandon-order';
import { cancelUnpaidOrders } from './cancel-unpaid-orders';
import { getMyOrder } from './get-my-order';
import { submitAsSeen } from './testing/submit-as-seen';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDatabaseKinds)('giving up and running out of time on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();

  async function apply(projectCode: string) {
    const section = (await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50 })).rows.find((s) => s.projectCode === projectCode && !s.myOrderId)!;
    const [product] = await listProductsForSection(f.db, f.actors.bidder, section.sectionId);
    return { section, order: await submitAsSeen(f.db, f.actors.bidder, { sectionId: section.sectionId, productId: product!.productId, noticeAccepted: true, formData: VALID_APPLICATION }) };
  }

  it('lets the bidder abandon an unpaid order and apply for the section again', async () => {
    const { section, order } = await apply('WLMQ-JS-2026-0158');
    await expect(abandonOrder(f.db, f.actors.otherBidder, order.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await abandonOrder(f.db, f.actors.bidder, order.id);
    expect((await getMyOrder(f.db, f.actors.bidder, order.id)).status).toBe('abandoned');
    expect((await expectRefusal(abandonOrder(f.db, f.actors.bidder, order.id))).code).toBe('CONFLICT');
    const [product] = await listProductsForSection(f.db, f.actors.bidder, section.sectionId);
    const again = await submitAsSeen(f.db, f.actors.bidder, { sectionId: section.sectionId, productId: product!.productId, noticeAccepted: true, formData: VALID_APPLICATION });
    expect(again.id).not.toBe(order.id);
  });

  it('cancels unpaid orders once the deposit deadline passes, once, however often it runs', async () => {
    const { order } = await apply('WLMQ-CG-2026-0342'); // deadline 5 days after seeding
    expect(await cancelUnpaidOrders(f.db)).toBe(0);
    clock.set(new Date(SEEDED_AT.getTime() + 5 * DAY + 60_000));
    const runs = await Promise.all([cancelUnpaidOrders(f.db), cancelUnpaidOrders(f.db), cancelUnpaidOrders(f.db)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    const detail = await getMyOrder(f.db, f.actors.bidder, order.id);
    expect(detail.status).toBe('cancelled');
    expect(detail.events.filter((e) => e.toStatus === 'cancelled')).toHaveLength(1);
    // A cancelled order can still be abandoned, as the procedure says.
    await abandonOrder(f.db, f.actors.bidder, order.id);
    expect((await getMyOrder(f.db, f.actors.bidder, order.id)).status).toBe('abandoned');
  });
});
