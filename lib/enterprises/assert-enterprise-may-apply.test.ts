import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { runCommand } from '@/lib/back-office/run-command';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { getMyOrder } from '@/lib/orders/get-my-order';
import { submitApplication } from '@/lib/orders/submit-application';
import { unpaidOrder } from '@/lib/orders/testing/test-orders';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import { enterpriseResource } from './enterprise-resource';
import { getMyEnterpriseStanding } from './my-enterprise-standing';
import { enterpriseWithBidder } from './testing/enterprise-with-bidder';

const PROJECT = 'WLMQ-CG-2026-0342';

describe.each(testDatabaseKinds)('the apply gate (企业认证审核) on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();

  const ordersOf = async (enterpriseId: string) =>
    (await f.db.selectFrom('orders').select('id').where('enterprise_id', '=', enterpriseId).execute()).length;

  it('lets an enterprise under review browse the open sections, and refuses its application', async () => {
    const { enterpriseId, bidder } = await enterpriseWithBidder(f.db);
    expect((await listOpenSections(f.db, bidder, { page: 1, pageSize: 50 })).total).toBe((await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50 })).total);
    const error = await expectRefusal(unpaidOrder(f, PROJECT, { bidder }));
    expect([error.code, error.status, error.message]).toEqual(['ENTERPRISE_NOT_VERIFIED', 403, '企业尚未通过认证审核，暂不能申请保函']);
    expect(await ordersOf(enterpriseId)).toBe(0);
    expect(await getMyEnterpriseStanding(f.db, bidder)).toMatchObject({ statusLabel: '待认证审核', awaitingReview: true, rejectionReason: null, allowedActions: [] });
  });

  it('refuses a rejected enterprise too, before looking at what it sent', async () => {
    const { enterpriseId, bidder } = await enterpriseWithBidder(f.db, { status: 'rejected', reviewReason: '营业执照已过期' });
    expect((await expectRefusal(unpaidOrder(f, PROJECT, { bidder }))).code).toBe('ENTERPRISE_NOT_VERIFIED');
    expect((await expectRefusal(submitApplication(f.db, bidder, { nonsense: true }))).code).toBe('ENTERPRISE_NOT_VERIFIED');
    expect(await ordersOf(enterpriseId)).toBe(0);
    expect(await getMyEnterpriseStanding(f.db, bidder)).toMatchObject({
      statusLabel: '认证未通过', awaitingReview: false, rejectionReason: '营业执照已过期', allowedActions: ['resubmit'],
    });
  });

  it('accepts the application once an operator of the region has approved the enterprise', async () => {
    const { enterpriseId, bidder } = await enterpriseWithBidder(f.db);
    expect((await expectRefusal(unpaidOrder(f, PROJECT, { bidder }))).code).toBe('ENTERPRISE_NOT_VERIFIED');
    await runCommand(f.db, f.actors.operator, enterpriseResource, enterpriseId, 'approve', { body: {} });
    expect(await getMyEnterpriseStanding(f.db, bidder)).toMatchObject({ statusLabel: '已认证', awaitingReview: false, allowedActions: ['applyForGuarantee'] });
    const order = await unpaidOrder(f, PROJECT, { bidder });
    expect((await getMyOrder(f.db, bidder, order.id)).status).toBe('pending_payment');
  });

  it('leaves the demo\'s verified enterprises applying as before', async () => {
    expect((await getMyEnterpriseStanding(f.db, f.actors.otherBidder)).allowedActions).toEqual(['applyForGuarantee']);
    expect(await unpaidOrder(f, 'KLMY-JS-2026-0052', { bidder: f.actors.otherBidder })).toMatchObject({ orderNumber: expect.stringMatching(/^BH/) });
  });
});
