import { describe, expect, it } from 'vitest';
import { unpaidOrder } from '@/lib/orders/testing/test-orders';
import { useDemoFixture } from '@/testing/use-database';
import { listOpenSections } from './list-open-sections';
import { sectionOffer } from './section-offer';

describe('sectionOffer', () => {
  it('offers the live order instead of 立即申请, and 立即申请 only to an enterprise that may apply', () => {
    expect(sectionOffer({ myOrderId: 'o-1' }, true)).toEqual({ kind: 'viewOrder', orderId: 'o-1' });
    expect(sectionOffer({ myOrderId: 'o-1' }, false)).toEqual({ kind: 'viewOrder', orderId: 'o-1' });
    expect(sectionOffer({ myOrderId: null }, true)).toEqual({ kind: 'apply' });
    expect(sectionOffer({ myOrderId: null }, false)).toEqual({ kind: 'browse' });
  });

  describe('on 我的投标保函', () => {
    const f = useDemoFixture('pglite');

    it("a section the enterprise has a live order for offers that order; other enterprises still apply", async () => {
      const order = await unpaidOrder(f, 'WLMQ-JS-2026-0158');
      const offers = async (bidder: typeof f.actors.bidder) =>
        (await listOpenSections(f.db, bidder, { page: 1, pageSize: 50 })).rows
          .filter((s) => s.projectCode === 'WLMQ-JS-2026-0158')
          .map((s) => sectionOffer(s, true));
      expect(await offers(f.actors.bidder)).toContainEqual({ kind: 'viewOrder', orderId: order.id });
      expect(await offers(f.actors.bidder)).toContainEqual({ kind: 'apply' });
      expect((await offers(f.actors.otherBidder)).every((o) => o.kind === 'apply')).toBe(true);
    });
  });
});
