import type { Kysely, Transaction } from 'kysely';
import type { Database, TransferStatus } from '@/db/database';
import { inTransaction } from '@/db/in-transaction';
import { transitionOrder } from '@/lib/orders/transition-order';
import { createRefund } from '@/lib/refunds/create-refund';
import { decide } from '@/lib/rules/decide';
import { now } from '@/lib/time/clock';
import { PAYMENT_SOURCE_CATALOG } from '@/rules/catalog/payment-source';
import { remarkCandidates } from './find-remark-code';
import type { TransferNotification } from './transfer-notification';

export interface RecordedTransfer {
  transferId: string;
  status: TransferStatus;
  orderId: string | null;
  /** True when this exact report had already been recorded: nothing was done again. */
  replayed: boolean;
}

const REJECTION_TEXT = Object.fromEntries(PAYMENT_SOURCE_CATALOG.outcomes[1].params[0].values.map((v) => [v.value, v.label])) as Record<string, string>;

/**
 * A transfer reported by a bank, recorded once however often it is reported, and reconciled in the same
 * transaction: matched to its order by remark code; the payment-source rules then accept it (the order is
 * insured) or reject it (the order is cancelled and the premium refunded within five working days); a
 * transfer for an order already paid is a duplicate whose amount is refunded. A transfer whose remark
 * names no order waits in the operators' unmatched queue.
 */
export async function recordTransfer(
  db: Kysely<Database> | Transaction<Database>,
  bankCode: string,
  source: 'webhook' | 'statement',
  notification: TransferNotification,
  options: { regionId?: string | null } = {},
): Promise<RecordedTransfer> {
  // A statement import records all its lines in one transaction of its own: it passes that transaction.
  return inTransaction(db, async (trx) => {
    const inserted = await trx
      .insertInto('bank_transfers')
      .values({
        bank_code: bankCode,
        bank_txn_id: notification.transactionId,
        source,
        amount_fen: notification.amountFen,
        payer_name: notification.payerName,
        payer_account: notification.payerAccount,
        payer_kind: notification.payerKind,
        remark: notification.remark,
        bank_time: notification.bankTime,
        received_at: now(),
        status: 'unmatched',
        region_id: options.regionId ?? null,
      })
      .onConflict((oc) => oc.columns(['bank_code', 'bank_txn_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom('bank_transfers')
        .select(['id', 'status', 'order_id'])
        .where('bank_code', '=', bankCode)
        .where('bank_txn_id', '=', notification.transactionId)
        .executeTakeFirstOrThrow();
      return { transferId: existing.id, status: existing.status, orderId: existing.order_id, replayed: true };
    }
    const candidates = remarkCandidates(notification.remark);
    const order = candidates.length
      ? await trx.selectFrom('orders').select('id').where('remark_code', 'in', candidates).executeTakeFirst()
      : undefined;
    if (!order) return { transferId: inserted.id, status: 'unmatched', orderId: null, replayed: false };
    const status = await reconcileTransfer(trx, inserted.id, order.id);
    return { transferId: inserted.id, status, orderId: order.id, replayed: false };
  });
}

/** Applies the payment-source rules to a transfer now known to belong to an order. */
export async function reconcileTransfer(trx: Transaction<Database>, transferId: string, orderId: string): Promise<TransferStatus> {
  const order = await trx
    .selectFrom('orders')
    .innerJoin('enterprises', 'enterprises.id', 'orders.enterprise_id')
    .innerJoin('sections', 'sections.id', 'orders.section_id')
    .innerJoin('projects', 'projects.id', 'sections.project_id')
    .where('orders.id', '=', orderId)
    .select([
      'orders.id', 'orders.status', 'orders.premium_fen', 'orders.remark_code', 'projects.type as projectType',
      'projects.region_id as regionId', 'enterprises.basic_account_number as basicAccount',
    ])
    .forUpdate('orders')
    .executeTakeFirstOrThrow();
  const transfer = await trx.selectFrom('bank_transfers').selectAll().where('id', '=', transferId).executeTakeFirstOrThrow();
  const alreadyPaid = ['payment_review', 'issued', 'surrender_review', 'surrendered'].includes(order.status);
  const decision = await decide(
    trx,
    'payment-source',
    {
      projectType: order.projectType,
      payerIsBasicAccount: transfer.payer_kind === 'enterprise' && transfer.payer_account === order.basicAccount,
      payerKind: transfer.payer_kind,
      remarkMatches: remarkCandidates(transfer.remark).includes(order.remark_code),
      amountMatches: transfer.amount_fen === order.premium_fen,
      alreadyPaid,
    },
    { region: order.regionId, subject: { type: 'bank_transfer', id: transferId } },
  );
  const outcome = decision.outcome;
  const status: TransferStatus = !outcome.accepted && outcome.reason === 'duplicate' ? 'duplicate' : 'matched';
  await trx.updateTable('bank_transfers').set({ status, order_id: order.id, decision_id: decision.decisionId ?? null }).where('id', '=', transferId).execute();

  if (status === 'duplicate') {
    await createRefund(trx, { orderId: order.id, transferId: transfer.id, amountFen: transfer.amount_fen, reason: '重复支付，退还多付的保费' });
    return status;
  }
  if (order.status !== 'pending_payment') {
    // Paid for an order no longer awaiting payment (cancelled or abandoned): the money goes back.
    await createRefund(trx, { orderId: order.id, transferId: transfer.id, amountFen: transfer.amount_fen, reason: '订单已不在待支付状态，退还该笔转账' });
    return status;
  }
  await transitionOrder(trx, null, order.id, 'payment_review', { reason: `收到银行转账 ${transfer.bank_txn_id}`, decisionId: decision.decisionId });
  if (outcome.accepted) {
    await transitionOrder(trx, null, order.id, 'issued', { reason: '支付来源审核通过，投保成功', decisionId: decision.decisionId });
  } else {
    const why = outcome.reason ? REJECTION_TEXT[outcome.reason] : '转账不符合支付规则';
    await transitionOrder(trx, null, order.id, 'cancelled', { reason: `支付审核未通过：${why}`, decisionId: decision.decisionId });
    await createRefund(trx, { orderId: order.id, transferId: transfer.id, amountFen: transfer.amount_fen, reason: `支付审核未通过（${why}），原路退还保费` });
  }
  return status;
}

