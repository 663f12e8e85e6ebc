import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { createRecord } from '@/lib/back-office/create-record';
import { listRecords } from '@/lib/back-office/list-records';
import { updateRecord } from '@/lib/back-office/update-record';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { abandonOrder } from '@/lib/orders/abandon-order';
import { unpaidOrder } from '@/lib/orders/testing/test-orders';
import { publishRuleVersion } from '@/lib/rules/publish-rule-version';
import type { RuleVersionRecord } from '@/lib/rules/rule-version-record';
import { ruleVersionResource } from '@/lib/rules/rule-version-resource';
import { loadDefaultRuleDocument } from '@/rules/defaults/default-rule-documents';
import type { DocumentRule, GroupCondition } from '@/rules/rule-document-types';
import { applyForSurrender } from '@/lib/surrenders/apply-for-surrender';
import { approveSurrender } from '@/lib/surrenders/approve-surrender';
import { matchTransferByHand } from './match-transfer-by-hand';
import { recordTransfer } from './record-transfer';
import { refundResource, type RefundRecord } from '@/lib/refunds/refund-resource';
import { returnTransfer } from './return-transfer';
import { reviewTransfer } from './review-transfer';
import { transferResource, type TransferRecord } from './transfer-resource';
import type { TransferNotification } from './transfer-notification';

const BASIC_ACCOUNT = '3002012309024567812';
const page = { sort: { field: 'received_at', order: 'desc' as const }, offset: 0, limit: 100, filter: {} };

/**
 * 乌鲁木齐's own payment rules: a procurement transfer of the wrong amount (a bank fee, a typo) goes to
 * an operator instead of being refused outright; construction keeps the seed's strict refusal.
 */
function reviewWrongProcurementAmounts(): DocumentRule[] {
  const document = structuredClone([...loadDefaultRuleDocument('payment-source')]) as DocumentRule[];
  const amountRule = document.find((r) => r.event.type === 'reject' && r.event.params?.reason === 'amount_mismatch')!;
  amountRule.conditions = { all: [amountRule.conditions, { fact: 'projectType', operator: 'equal', value: 'construction' }] } as GroupCondition;
  document.push({
    name: '政府采购项目转账金额不符，转人工审核',
    priority: 5,
    conditions: {
      all: [
        { fact: 'projectType', operator: 'equal', value: 'procurement' },
        { fact: 'amountMatches', operator: 'equal', value: false },
        { fact: 'remarkMatches', operator: 'equal', value: true },
        { fact: 'alreadyPaid', operator: 'equal', value: false },
      ],
    },
    event: { type: 'review' },
  });
  return document;
}

describe.each(testDatabaseKinds)('operators settle transfers by hand on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  let txn = 0;

  const orderFor = (projectCode: string) => unpaidOrder(f, projectCode);
  const transfer = (over: Partial<TransferNotification>): TransferNotification => ({
    transactionId: `HAND-${kind}-${++txn}`,
    amountFen: 100,
    payerName: '新疆天山建设工程有限公司',
    payerAccount: BASIC_ACCOUNT,
    payerKind: 'enterprise',
    remark: '',
    bankTime: SEEDED_AT,
    ...over,
  });
  const statusOf = async (orderId: string) => (await f.db.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirstOrThrow()).status;
  const transferRow = (id: string) => f.db.selectFrom('bank_transfers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('shows an unmatched transfer to every operator, and lets one match it to an order of the region; the rules then judge it', async () => {
    const order = await orderFor('WLMQ-JS-2026-0158');
    const unmatched = await recordTransfer(f.db, 'demo', 'webhook', transfer({ amountFen: order.premiumFen, remark: '保费' }));
    expect(unmatched.status).toBe('unmatched');
    for (const reader of [f.actors.operator, f.actors.otherOperator, f.actors.compliance]) {
      const rows = (await listRecords(f.db, reader, transferResource, { ...page, filter: { status: 'unmatched' } })).rows as TransferRecord[];
      expect(rows.map((r) => r.id)).toContain(unmatched.transferId);
    }
    // 克拉玛依's operator cannot reach an Urumqi order, and is told only that there is no such order.
    const other = await expectRefusal(matchTransferByHand(f.db, f.actors.otherOperator, unmatched.transferId, { order_number: order.orderNumber, note: '电话核实' }));
    expect(other.code).toBe('NOT_FOUND');
    expect((await expectRefusal(matchTransferByHand(f.db, f.actors.compliance, unmatched.transferId, { order_number: order.orderNumber, note: 'x' }))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(matchTransferByHand(f.db, f.actors.operator, unmatched.transferId, { order_number: order.orderNumber, note: ' ' }))).code).toBe('VALIDATION_FAILED');
    expect((await transferRow(unmatched.transferId)).status).toBe('unmatched');

    const result = await matchTransferByHand(f.db, f.actors.operator, unmatched.transferId, { order_number: order.orderNumber.toLowerCase(), note: '电话核实，投标人附言漏填' });
    // The seed: a transfer without the order's remark does not insure the order; the premium goes back.
    expect(result).toEqual({ transferStatus: 'matched', orderId: order.id, orderStatus: 'cancelled' });
    const row = await transferRow(unmatched.transferId);
    expect(row).toMatchObject({ status: 'matched', order_id: order.id, region_id: '650100', handled_by: f.actors.operator.userId, handling_note: '电话核实，投标人附言漏填' });
    const refunds = await f.db.selectFrom('refunds').selectAll().where('transfer_id', '=', unmatched.transferId).execute();
    expect(refunds).toMatchObject([{ order_id: order.id, amount_fen: order.premiumFen, status: 'pending' }]);
    const audit = await f.db.selectFrom('audit_events').selectAll().where('entity_id', '=', unmatched.transferId).execute();
    expect(audit.map((a) => a.action)).toEqual(['bank_transfer.match']);
    // Settled once: a second operator's attempt is refused and changes nothing.
    const again = await expectRefusal(matchTransferByHand(f.db, f.actors.operator, unmatched.transferId, { order_number: order.orderNumber, note: '再次匹配' }));
    expect(again.code).toBe('CONFLICT');
  });

  it('returns an unclaimed transfer to its payer only by the platform administrator, with a refund that has no order', async () => {
    const unmatched = await recordTransfer(f.db, 'demo', 'webhook', transfer({ amountFen: 12_345, remark: '货款', payerName: '某某公司', payerAccount: '6222000011112222' }));
    const refused = await expectRefusal(returnTransfer(f.db, f.actors.operator, unmatched.transferId, { note: '非本平台款项' }));
    expect(refused.code).toBe('OTHER_REGION');
    expect((await transferRow(unmatched.transferId)).status).toBe('unmatched');
    const { refundId } = await returnTransfer(f.db, f.actors.platformAdmin, unmatched.transferId, { note: '非本平台款项' });
    expect((await transferRow(unmatched.transferId)).status).toBe('returned');
    const refund = await f.db.selectFrom('refunds').selectAll().where('id', '=', refundId).executeTakeFirstOrThrow();
    expect(refund).toMatchObject({ order_id: null, transfer_id: unmatched.transferId, amount_fen: 12_345, status: 'pending' });
    // The refunds queue pays it back to the account it came from.
    const listed = (await listRecords(f.db, f.actors.operator, refundResource, { ...page, sort: { field: 'due_date', order: 'asc' } })).rows as RefundRecord[];
    expect(listed.find((r) => r.id === refundId)).toMatchObject({ payee_account: '6222000011112222', order_number: null });
  });

  it('returns a statement transfer of the region by its own operators', async () => {
    const unmatched = await recordTransfer(f.db, 'demo', 'statement', transfer({ remark: '无附言' }), { regionId: '650100' });
    expect((await expectRefusal(returnTransfer(f.db, f.actors.otherOperator, unmatched.transferId, { note: '退回' }))).code).toBe('OTHER_REGION');
    await returnTransfer(f.db, f.actors.operator, unmatched.transferId, { note: '退回' });
    expect((await transferRow(unmatched.transferId)).status).toBe('returned');
  });

  describe('when the region\'s rules send a transfer to review', () => {
    beforeAll(async () => {
      const draft = (await createRecord(f.db, f.actors.operator, ruleVersionResource, { rule_set_key: 'payment-source', region_id: '650100' })) as RuleVersionRecord;
      await updateRecord(f.db, f.actors.operator, ruleVersionResource, draft.id, { document: reviewWrongProcurementAmounts() });
      await publishRuleVersion(f.db, f.actors.operator, draft.id, { reason: '政府采购金额差异转人工核对' });
    });

    it('keeps the order in payment review until an operator approves; approval issues the policy', async () => {
      const order = await orderFor('WLMQ-CG-2026-0342');
      const paid = await recordTransfer(f.db, 'demo', 'webhook', transfer({ amountFen: order.premiumFen - 50, remark: order.remarkCode }));
      expect(paid.status).toBe('review');
      expect(await statusOf(order.id)).toBe('payment_review');
      const decision = await f.db.selectFrom('rule_decisions').select('outcome').where('subject_id', '=', paid.transferId).executeTakeFirstOrThrow();
      expect(decision.outcome).toEqual({ accepted: false, review: true });

      expect((await expectRefusal(reviewTransfer(f.db, f.actors.otherOperator, paid.transferId, { decision: 'approve', reason: '核实' }))).code).toBe('OTHER_REGION');
      expect((await expectRefusal(reviewTransfer(f.db, f.actors.operator, paid.transferId, { decision: 'maybe', reason: '核实' }))).code).toBe('VALIDATION_FAILED');
      await reviewTransfer(f.db, f.actors.operator, paid.transferId, { decision: 'approve', reason: '差额为银行手续费，已与投标人核实' });
      expect(await statusOf(order.id)).toBe('issued');
      expect(await f.db.selectFrom('policies').select('order_id').where('order_id', '=', order.id).execute()).toHaveLength(1);
      const audit = await f.db.selectFrom('audit_events').select(['action', 'reason']).where('entity_id', '=', paid.transferId).execute();
      expect(audit).toEqual([{ action: 'bank_transfer.approve', reason: '差额为银行手续费，已与投标人核实' }]);
      // Surrendered later, the bidder gets back what it paid, not the premium it was short of.
      const surrender = await applyForSurrender(f.db, f.actors.bidder, order.id, { reason: 'abandon_bid' });
      await approveSurrender(f.db, f.actors.operator, surrender.id, {});
      const refunds = await f.db.selectFrom('refunds').select('amount_fen').where('order_id', '=', order.id).execute();
      expect(refunds.map((r) => r.amount_fen)).toEqual([order.premiumFen - 50]);
    });

    it('cancels and refunds when the operator rejects', async () => {
      const order = await orderFor('WLMQ-CG-2026-0342');
      const paid = await recordTransfer(f.db, 'demo', 'webhook', transfer({ amountFen: order.premiumFen - 1, remark: order.remarkCode }));
      await reviewTransfer(f.db, f.actors.operator, paid.transferId, { decision: 'reject', reason: '少付一分' });
      expect(await statusOf(order.id)).toBe('cancelled');
      const refunds = await f.db.selectFrom('refunds').select(['amount_fen', 'reason']).where('order_id', '=', order.id).execute();
      expect(refunds).toEqual([{ amount_fen: order.premiumFen - 1, reason: '支付审核未通过（人工审核未通过：少付一分），原路退还保费' }]);
      // The bidder gives the cancelled order up, which frees the package for the next order.
      await abandonOrder(f.db, f.actors.bidder, order.id);
    });
    it('gives one outcome when two operators decide at once', async () => {
      const order = await orderFor('WLMQ-CG-2026-0342');
      const paid = await recordTransfer(f.db, 'demo', 'webhook', transfer({ amountFen: order.premiumFen + 100, remark: order.remarkCode }));
      const outcomes = await Promise.allSettled([
        reviewTransfer(f.db, f.actors.operator, paid.transferId, { decision: 'approve', reason: '同意' }),
        reviewTransfer(f.db, f.actors.platformAdmin, paid.transferId, { decision: 'reject', reason: '金额不符' }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const refusal = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(refusal.reason).toMatchObject({ code: 'CONFLICT' });
      const status = await statusOf(order.id);
      const policies = await f.db.selectFrom('policies').select('id').where('order_id', '=', order.id).execute();
      const refunds = await f.db.selectFrom('refunds').select('amount_fen').where('order_id', '=', order.id).execute();
      // Approved: the policy, and the ¥1.00 paid over the premium goes back. Rejected: everything goes back.
      expect([policies.length, refunds.map((r) => r.amount_fen)]).toEqual(status === 'issued' ? [1, [100]] : [0, [order.premiumFen + 100]]);
      const events = await f.db.selectFrom('order_events').select('to_status').where('order_id', '=', order.id).orderBy('id').execute();
      expect(events.map((e) => e.to_status)).toEqual(['pending_payment', 'payment_review', status]);
    });

  });
});
