import type { Selectable, Transaction } from 'kysely';
import type { BankTransfersTable, Database, TransferStatus } from '@/db/database';
import { selectOrdersWithParties } from '@/lib/orders/order-join';
import { isPaid } from '@/lib/orders/order-lifecycle';
import { transitionOrder } from '@/lib/orders/transition-order';
import { transition } from '@/lib/lifecycle/transition';
import { createRefund } from '@/lib/refunds/create-refund';
import { decide } from '@/lib/rules/decide';
import { remarkCandidates } from './find-remark-code';
import { acceptPayment, rejectPayment, rejectionText } from './accept-or-reject-payment';
import { transferLifecycle } from './transfer-lifecycle';

/** What reconciliation reads of a transfer; the caller that has just inserted it passes it along. */
export type ReconciledTransfer = Pick<Selectable<BankTransfersTable>, (typeof RECONCILED_COLUMNS)[number]>;
export const RECONCILED_COLUMNS = ['id', 'bank_txn_id', 'amount_fen', 'payer_kind', 'payer_account', 'remark'] as const;

/**
 * Applies the payment-source rules to a transfer now known to belong to an order (by its remark, or
 * matched by an operator): accept → 投保成功 with the policy; review → the order waits in payment review
 * for an operator; reject → cancelled and refunded; a payment for an order already paid → duplicate,
 * refunded. Runs in the caller's transaction with the order row locked, so two reports of money for
 * the same order are reconciled one after the other.
 */
export async function reconcileTransfer(
  trx: Transaction<Database>,
  transferId: string,
  orderId: string,
  known?: ReconciledTransfer,
): Promise<TransferStatus> {
  const order = await selectOrdersWithParties(trx)
    .where('orders.id', '=', orderId)
    .select([
      'orders.id', 'orders.status', 'orders.premium_fen', 'orders.remark_code', 'projects.type as projectType',
      'projects.region_id as regionId', 'enterprises.basic_account_number as basicAccount',
    ])
    .forUpdate('orders')
    .executeTakeFirstOrThrow();
  const transfer = known ?? (await trx.selectFrom('bank_transfers').select(RECONCILED_COLUMNS).where('id', '=', transferId).executeTakeFirstOrThrow());
  const alreadyPaid = isPaid(order.status);
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
  const duplicate = !outcome.accepted && 'reason' in outcome && outcome.reason === 'duplicate';
  const awaitsReview = !duplicate && order.status === 'pending_payment' && !outcome.accepted && 'review' in outcome;
  const { status } = await transition(trx, 'bank_transfers', transferLifecycle, {
    id: transferId,
    action: duplicate ? 'reconcileDuplicate' : awaitsReview ? 'reconcileReview' : 'reconcileMatched',
    set: { order_id: order.id, region_id: order.regionId, decision_id: decision.decisionId ?? null },
  });

  const refund = (reason: string) => createRefund(trx, { orderId: order.id, transferId: transfer.id, amountFen: transfer.amount_fen, reason });
  if (duplicate) {
    await refund('重复支付，退还多付的保费');
    return status;
  }
  if (order.status !== 'pending_payment') {
    // Paid for an order no longer awaiting payment (cancelled or abandoned): the money goes back.
    await refund('订单已不在待支付状态，退还该笔转账');
    return status;
  }
  await transitionOrder(trx, null, order.id, 'receivePayment', { reason: `收到银行转账 ${transfer.bank_txn_id}`, decisionId: decision.decisionId });
  if (outcome.accepted) {
    await acceptPayment(trx, null, order.id, { reason: '支付来源审核通过，投保成功', decisionId: decision.decisionId });
  } else if (awaitsReview) {
    // Nothing more now: the order stays in payment review until an operator approves or rejects the transfer.
  } else {
    await rejectPayment(trx, null, { orderId: order.id, transferId: transfer.id, amountFen: transfer.amount_fen }, {
      why: rejectionText('reason' in outcome ? outcome.reason : undefined),
      decisionId: decision.decisionId,
    });
  }
  return status;
}
