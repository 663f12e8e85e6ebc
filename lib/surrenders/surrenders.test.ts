import { describe, expect, it } from 'vitest';
import type { ProjectStatus } from '@/db/database';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { getRecord } from '@/lib/back-office/get-record';
import { listRecords } from '@/lib/back-office/list-records';
import { runCommand } from '@/lib/back-office/run-command';
import { updateRecord } from '@/lib/back-office/update-record';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { issueInvoice } from '@/lib/invoices/issue-invoice';
import { requestInvoice } from '@/lib/invoices/request-invoice';
import { voidInvoice } from '@/lib/invoices/void-invoice';
import { getMyOrder } from '@/lib/orders/get-my-order';
import { refundResource, type RefundRecord } from '@/lib/refunds/refund-resource';
import { projectResource } from '@/lib/projects/project-resource';
import { applyForSurrender } from './apply-for-surrender';
import { approveSurrender } from './approve-surrender';
import { completeRefundAccount } from './complete-refund-account';
import { listMySurrenders, loadMySurrenders } from './list-my-surrenders';
import { rejectSurrender } from './reject-surrender';
import { surrenderResource, type SurrenderRecord } from './surrender-resource';
import { orderOnNewProject } from '@/lib/orders/testing/order-on-new-project';

const DAY = 24 * 60 * 60 * 1000;
const page = { sort: { field: 'created_at', order: 'desc' as const }, offset: 0, limit: 100, filter: {} };
const ACCOUNT = { accountName: '李明', accountBank: '中国建设银行乌鲁木齐分行', accountNumber: '6217 0000 1234 5678 901' };

describe.each(testDatabaseKinds)('surrenders on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();

  const setProject = (projectId: string, status: ProjectStatus) =>
    updateRecord(f.db, f.actors.operator, projectResource, projectId, { status, reason: `项目状态变更为 ${status}` });
  const orderStatus = async (orderId: string) => (await getMyOrder(f.db, f.actors.bidder, orderId)).status;
  const refundsOf = (orderId: string) => f.db.selectFrom('refunds').selectAll().where('order_id', '=', orderId).execute();
  const decisionsOf = (orderId: string) =>
    f.db.selectFrom('rule_decisions').selectAll().where('subject_type', '=', 'order').where('subject_id', '=', orderId).execute();
  const afterOpening = async <T>(opening: Date, work: () => Promise<T>) => {
    clock.set(new Date(opening.getTime() + DAY));
    try {
      return await work();
    } finally {
      clock.set(SEEDED_AT);
    }
  };

  it('tells the bidder before confirming what the rules say for each reason, without logging a decision', async () => {
    const { orderId, projectId, opening } = await orderOnNewProject(f);
    const before = await loadMySurrenders(f.db, f.actors.bidder, orderId);
    expect(before.allowedActions).toEqual(['applySurrender']);
    expect(before.preview).toMatchObject({
      abandon_bid: { eligible: true, explanation: expect.stringContaining('按当前退保规则可以申请') },
      project_anomaly: { eligible: false, explanation: expect.stringContaining('不予退保') },
    });
    expect(before.preview!.project_anomaly.explanation).toContain('判定依据：项目状态「正常」，尚未开标，退保原因「项目异常」');

    // After the opening on a normal project the rules refuse both — the bidder reads why before confirming.
    const afterwards = await afterOpening(opening, () => loadMySurrenders(f.db, f.actors.bidder, orderId));
    expect(afterwards.preview).toMatchObject({ abandon_bid: { eligible: false }, project_anomaly: { eligible: false } });
    expect(afterwards.preview!.abandon_bid.explanation).toContain('已开标');
    // A failed project is an anomaly the rules accept.
    await setProject(projectId, 'failed');
    expect((await loadMySurrenders(f.db, f.actors.bidder, orderId)).preview!.project_anomaly.eligible).toBe(true);
    expect(await decisionsOf(orderId)).toEqual([]);

    await applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'project_anomaly' });
    expect(await loadMySurrenders(f.db, f.actors.bidder, orderId)).toMatchObject({ allowedActions: [], preview: null });
  });

  describe('each clause of the procedure, end to end', () => {
    it('clause 1: the bidder abandons before the opening; approved, the premium goes back to the basic account', async () => {
      const { orderId, premiumFen, transferId } = await orderOnNewProject(f);
      const applied = await applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'abandon_bid', note: '公司决定不参与本次投标' });
      expect(applied).toMatchObject({ status: 'submitted', clause: 1, refundAccountRequired: false });
      const order = await getMyOrder(f.db, f.actors.bidder, orderId);
      expect(order.status).toBe('surrender_review');
      expect(order.events.at(-1)?.reason).toBe('申请退保（放弃投标），依据第一条：开标前投标人放弃投标或项目发生中止、暂停');
      const [decision] = await decisionsOf(orderId);
      expect(decision).toMatchObject({
        rule_set_key: 'surrender-eligibility',
        region_id: '650100',
        facts: { bidOpened: false, projectStatus: 'normal', applicantAbandons: true, paidByOnlineBanking: false },
        outcome: { eligible: true, clause: 1, refundAccountRequired: false },
      });
      const row = await f.db.selectFrom('surrenders').selectAll().where('id', '=', applied.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ decision_id: decision!.id, note: '公司决定不参与本次投标', created_by: f.actors.bidder.userId });
      expect(await f.db.selectFrom('audit_events').select('action').where('entity_id', '=', applied.id).execute()).toEqual([{ action: 'surrender.apply' }]);

      const approved = await approveSurrender(f.db, f.actors.operator, applied.id, {});
      expect(approved).toMatchObject({ status: 'approved', order_status: 'surrendered', refund_status: 'pending', reviewer_name: '张伟（乌鲁木齐市）' });
      expect(await orderStatus(orderId)).toBe('surrendered');
      const refunds = await refundsOf(orderId);
      expect(refunds).toMatchObject([{ surrender_id: applied.id, transfer_id: transferId, amount_fen: premiumFen, status: 'pending', payee_account: null }]);
      // Back the way it came: the queue shows the transfer's payer, the enterprise's basic account.
      const queued = (await getRecord(f.db, f.actors.operator, refundResource, refunds[0]!.id)) as RefundRecord;
      expect(queued).toMatchObject({ payee_name: '新疆天山建设工程有限公司', payee_account: '3002012309024567812', order_id: orderId });

      clock.advance(60 * 60 * 1000);
      await runCommand(f.db, f.actors.operator, refundResource, refunds[0]!.id, 'markRefunded', { body: { bank_reference: 'ICBC-REFUND-0001' } });
      const [detail] = await listMySurrenders(f.db, f.actors.bidder, orderId);
      expect(detail).toMatchObject({ status: 'approved', clause: 1, bidderReason: 'abandon_bid', refundStatus: 'refunded', refundAmountFen: premiumFen, refundDueDateProvisional: false });
      expect(detail!.refundedAt).toEqual(clock.now());
      clock.set(SEEDED_AT);
    });

    it.each(['suspended', 'paused'] as const)('clause 1: the project is %s before the opening', async (status) => {
      const { orderId, projectId } = await orderOnNewProject(f);
      await setProject(projectId, status);
      const applied = await applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'project_anomaly' });
      // Paid from the basic account: the refund goes back there, no account to give.
      expect(applied).toMatchObject({ status: 'submitted', clause: 1, refundAccountRequired: false });
      await approveSurrender(f.db, f.actors.operator, applied.id, { reason: '材料齐全' });
      expect(await orderStatus(orderId)).toBe('surrendered');
    });

    it.each(['failed', 'terminated'] as const)('clause 2: the project is %s before the opening', async (status) => {
      const { orderId, projectId } = await orderOnNewProject(f);
      await setProject(projectId, status);
      const applied = await applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'project_anomaly' });
      expect(applied).toMatchObject({ status: 'submitted', clause: 2 });
      await approveSurrender(f.db, f.actors.operator, applied.id, {});
      expect(await refundsOf(orderId)).toHaveLength(1);
    });

    it('clause 3 with an invoice already issued: approval waits until the operator voids (红冲) the invoice', async () => {
      const { orderId, projectId, opening } = await orderOnNewProject(f);
      await afterOpening(opening, async () => {
        const { invoiceId } = await requestInvoice(f.db, f.actors.bidder, orderId, {
          medium: 'paper', invoiceType: 'ordinary', title: '新疆天山建设工程有限公司', taxNumber: '91650100712345678G',
          recipientName: '李明', recipientPhone: '13900000001', deliveryAddress: '新疆乌鲁木齐市天山区解放北路 88 号',
        });
        await issueInvoice(f.db, f.actors.operator, invoiceId, { invoice_number: '65002611240099', carrier: 'EMS', tracking_number: '1187654321099' });
        await setProject(projectId, 'failed');
        const applied = await applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'project_anomaly' });
        const refused = await expectRefusal(approveSurrender(f.db, f.actors.operator, applied.id, {}));
        expect([refused.code, refused.message]).toEqual(['CONFLICT', '该订单已开具发票，请先在「发票」中作废（红冲）后再审核通过退保']);
        expect(await orderStatus(orderId)).toBe('surrender_review');
        expect(await refundsOf(orderId)).toEqual([]);
        await voidInvoice(f.db, f.actors.operator, invoiceId, { reason: '项目流标退保，发票红冲' });
        await approveSurrender(f.db, f.actors.operator, applied.id, {});
        expect(await orderStatus(orderId)).toBe('surrendered');
      });
    });

    it('clause 3: the tender fails after the opening', async () => {
      const { orderId, projectId, opening } = await orderOnNewProject(f);
      await afterOpening(opening, async () => {
        await setProject(projectId, 'failed');
        const applied = await applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'project_anomaly' });
        expect(applied).toMatchObject({ status: 'submitted', clause: 3 });
        expect((await decisionsOf(orderId))[0]!.facts).toMatchObject({ bidOpened: true, projectStatus: 'failed' });
        await approveSurrender(f.db, f.actors.operator, applied.id, {});
        expect(await orderStatus(orderId)).toBe('surrendered');
      });
    });
  });

  describe('refusals change nothing but the decision log', () => {
    it('refuses after the opening while the project is normal, naming clause 4, for either reason', async () => {
      const { orderId, opening } = await orderOnNewProject(f);
      await afterOpening(opening, async () => {
        for (const reason of ['project_anomaly', 'abandon_bid'] as const) {
          const refused = await expectRefusal(applyForSurrender(f.db, f.actors.bidder, orderId, { reason }));
          expect(refused.code).toBe('RULE_REFUSED');
          expect(refused.message).toContain('不予退保：不符合任何可退保情形（第四条）');
          expect(refused.message).toContain('项目状态「正常」，已开标');
        }
      });
      expect(await orderStatus(orderId)).toBe('issued');
      expect(await f.db.selectFrom('surrenders').select('id').where('order_id', '=', orderId).execute()).toEqual([]);
      const decisions = await decisionsOf(orderId);
      expect(decisions.map((d) => d.outcome)).toEqual([
        { eligible: false, clause: 4, refundAccountRequired: false },
        { eligible: false, clause: 4, refundAccountRequired: false },
      ]);
    });

    it('refuses a project anomaly claimed before the opening while the project is normal', async () => {
      const { orderId } = await orderOnNewProject(f);
      expect((await expectRefusal(applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'project_anomaly' }))).code).toBe('RULE_REFUSED');
      expect(await orderStatus(orderId)).toBe('issued');
    });

    it('refuses an order that is not insured, another enterprise\'s order, and a missing reason, without asking the rules', async () => {
      const unpaid = await orderOnNewProject(f, { unpaid: true });
      const refused = await expectRefusal(applyForSurrender(f.db, f.actors.bidder, unpaid.orderId, { reason: 'abandon_bid' }));
      expect(refused).toMatchObject({ code: 'CONFLICT', message: '订单当前状态为「待支付」，只有投保成功的订单可以申请退保' });
      const { orderId } = await orderOnNewProject(f);
      expect((await expectRefusal(applyForSurrender(f.db, f.actors.otherBidder, orderId, { reason: 'abandon_bid' }))).code).toBe('NOT_FOUND');
      expect((await expectRefusal(applyForSurrender(f.db, f.actors.operator, orderId, { reason: 'abandon_bid' }))).code).toBe('NOT_FOUND');
      expect((await expectRefusal(listMySurrenders(f.db, f.actors.otherBidder, orderId))).code).toBe('NOT_FOUND');
      const invalid = await expectRefusal(applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'bored' }));
      expect(invalid.fieldErrors?.reason).toBe('请选择退保原因');
      expect(await decisionsOf(orderId)).toEqual([]);
      expect(await decisionsOf(unpaid.orderId)).toEqual([]);
      expect(await orderStatus(orderId)).toBe('issued');
    });

    it('refuses a second application while one is under review', async () => {
      const { orderId } = await orderOnNewProject(f);
      await applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'abandon_bid' });
      expect((await expectRefusal(applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'abandon_bid' }))).code).toBe('CONFLICT');
    });
  });

  describe('the refund account of an online-banking payment', () => {
    it('waits for the account, refuses an invalid one, and refunds to the account given', async () => {
      const { orderId, projectId, premiumFen } = await orderOnNewProject(f, { type: 'procurement', paidFrom: 'personal' });
      await setProject(projectId, 'failed');
      const applied = await applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'project_anomaly' });
      expect(applied).toMatchObject({ status: 'awaiting_account', clause: 2, refundAccountRequired: true });
      expect((await decisionsOf(orderId))[0]!.facts).toMatchObject({ paidByOnlineBanking: true });

      const early = await expectRefusal(approveSurrender(f.db, f.actors.operator, applied.id, {}));
      expect(early).toMatchObject({ code: 'CONFLICT', message: '投标人尚未完善退保账户信息，暂不能审核通过' });

      const invalid = await expectRefusal(completeRefundAccount(f.db, f.actors.bidder, orderId, { ...ACCOUNT, accountNumber: '6217-ABC' }));
      expect(invalid.fieldErrors?.accountNumber).toBe('银行账号应为 8 至 32 位数字');
      const missing = await expectRefusal(completeRefundAccount(f.db, f.actors.bidder, orderId, { ...ACCOUNT, accountBank: ' ' }));
      expect(missing.fieldErrors?.accountBank).toBe('请填写开户银行');
      expect((await expectRefusal(completeRefundAccount(f.db, f.actors.otherBidder, orderId, ACCOUNT))).code).toBe('NOT_FOUND');
      expect((await listMySurrenders(f.db, f.actors.bidder, orderId))[0]).toMatchObject({
        status: 'awaiting_account', accountNumber: null, allowedActions: ['completeRefundAccount'],
      });

      await completeRefundAccount(f.db, f.actors.bidder, orderId, ACCOUNT);
      expect((await listMySurrenders(f.db, f.actors.bidder, orderId))[0]).toMatchObject({
        status: 'submitted', accountName: '李明', accountBank: '中国建设银行乌鲁木齐分行', accountNumber: '6217000012345678901', allowedActions: [],
      });
      expect((await expectRefusal(completeRefundAccount(f.db, f.actors.bidder, orderId, ACCOUNT))).code).toBe('CONFLICT');

      await approveSurrender(f.db, f.actors.operator, applied.id, {});
      const [refund] = await refundsOf(orderId);
      expect(refund).toMatchObject({ surrender_id: applied.id, transfer_id: null, amount_fen: premiumFen, payee_name: '李明', payee_account: '6217000012345678901' });
    });
  });

  describe('review by operators', () => {
    it('rejects with a reason: the order is insured again and may be surrendered later', async () => {
      const { orderId } = await orderOnNewProject(f);
      const first = await applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'abandon_bid' });
      expect((await expectRefusal(rejectSurrender(f.db, f.actors.operator, first.id, { reason: ' ' }))).fieldErrors?.reason).toBeDefined();
      expect((await expectRefusal(rejectSurrender(f.db, f.actors.operator, first.id, {}))).fieldErrors?.reason).toBe('请填写驳回原因');
      const rejected = await rejectSurrender(f.db, f.actors.operator, first.id, { reason: '投标文件已递交，不属于放弃投标' });
      expect(rejected).toMatchObject({ status: 'rejected', review_reason: '投标文件已递交，不属于放弃投标', order_status: 'issued' });
      const order = await getMyOrder(f.db, f.actors.bidder, orderId);
      expect(order.status).toBe('issued');
      expect(order.events.at(-1)?.reason).toBe('退保申请被驳回：投标文件已递交，不属于放弃投标');
      expect(await refundsOf(orderId)).toEqual([]);
      expect((await expectRefusal(approveSurrender(f.db, f.actors.operator, first.id, {}))).code).toBe('CONFLICT');

      clock.advance(60_000);
      const second = await applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'abandon_bid', note: '已撤回投标文件' });
      expect(second.status).toBe('submitted');
      expect((await listMySurrenders(f.db, f.actors.bidder, orderId)).map((s) => s.status)).toEqual(['submitted', 'rejected']);
      clock.set(SEEDED_AT);
    });

    it('lets two operators approving at once produce one outcome and one refund', async () => {
      const { orderId } = await orderOnNewProject(f);
      const applied = await applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'abandon_bid' });
      const results = await Promise.allSettled([
        approveSurrender(f.db, f.actors.operator, applied.id, {}),
        approveSurrender(f.db, f.actors.platformAdmin, applied.id, {}),
        rejectSurrender(f.db, f.actors.operator, applied.id, { reason: '同时驳回' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' });
      const row = await f.db.selectFrom('surrenders').selectAll().where('id', '=', applied.id).executeTakeFirstOrThrow();
      const order = await getMyOrder(f.db, f.actors.bidder, orderId);
      expect(order.status).toBe(row.status === 'approved' ? 'surrendered' : 'issued');
      expect(order.events.filter((e) => e.fromStatus === 'surrender_review')).toHaveLength(1);
      expect(await refundsOf(orderId)).toHaveLength(row.status === 'approved' ? 1 : 0);
    });

    it('shows the queue to the region\'s operators and compliance; only the region\'s operators decide', async () => {
      const { orderId } = await orderOnNewProject(f);
      const applied = await applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'abandon_bid' });
      const mine = (await listRecords(f.db, f.actors.operator, surrenderResource, { ...page, filter: { status: 'submitted' } })).rows as SurrenderRecord[];
      expect(mine.find((s) => s.id === applied.id)).toMatchObject({ order_id: orderId, enterprise_name: '新疆天山建设工程有限公司', clause: 1, region_id: '650100' });
      expect((await listRecords(f.db, f.actors.otherOperator, surrenderResource, page)).total).toBe(0);
      expect((await listRecords(f.db, f.actors.compliance, surrenderResource, page)).total).toBeGreaterThan(0);
      expect((await expectRefusal(getRecord(f.db, f.actors.otherOperator, surrenderResource, applied.id))).code).toBe('OTHER_REGION');

      expect((await expectRefusal(approveSurrender(f.db, f.actors.compliance, applied.id, {}))).code).toBe('READ_ONLY_ROLE');
      expect((await expectRefusal(rejectSurrender(f.db, f.actors.compliance, applied.id, { reason: '合规驳回' }))).code).toBe('READ_ONLY_ROLE');
      expect((await expectRefusal(approveSurrender(f.db, f.actors.otherOperator, applied.id, {}))).code).toBe('OTHER_REGION');
      expect((await expectRefusal(rejectSurrender(f.db, f.actors.otherOperator, applied.id, { reason: '跨区驳回' }))).code).toBe('OTHER_REGION');
      expect((await expectRefusal(approveSurrender(f.db, f.actors.bidder, applied.id, {}))).code).toBe('FORBIDDEN');
      expect((await expectRefusal(approveSurrender(f.db, f.actors.operator, 'not-an-id', {}))).code).toBe('VALIDATION_FAILED');
      // The generic write endpoints do not decide surrenders.
      expect((await expectRefusal(updateRecord(f.db, f.actors.operator, surrenderResource, applied.id, { status: 'approved' }))).code).toBe('METHOD_NOT_ALLOWED');

      expect(await orderStatus(orderId)).toBe('surrender_review');
      expect(await refundsOf(orderId)).toEqual([]);
    });
  });
});
