import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { DomainError } from '@/lib/errors/domain-error';
import { transition } from '@/lib/lifecycle/transition';
import { transitionOrder } from '@/lib/orders/transition-order';
import { createRefund } from '@/lib/refunds/create-refund';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { changeReason } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { findPayingTransfer } from './find-paying-transfer';
import { lockSurrenderForReview } from './lock-surrender-for-review';
import { describeClause } from './surrender-labels';
import { surrenderLifecycle } from './surrender-lifecycle';
import { surrenderResource, type SurrenderRecord } from './surrender-resource';

const inputSchema = z.object({ reason: changeReason });

/**
 * 审核通过: the order is surrendered and its premium is owed back, to the account the bidder gave or else
 * the way it came, within the refunds queue's five working days. One transaction, so a surrender is never
 * approved without its refund nor refunded twice.
 */
export async function approveSurrender(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown): Promise<SurrenderRecord> {
  requireWriter(actor);
  const id = parseInput(surrenderResource.idSchema, rawId);
  const { reason } = parseInput(inputSchema, input ?? {});
  return writeTransaction(db, async (trx) => {
    const { record, row } = await lockSurrenderForReview(trx, actor, String(id), 'approve');
    // An invoice for a premium that is about to be refunded must be voided (红冲) first: the books would
    // otherwise show income that was paid back.
    const liveInvoice = await trx
      .selectFrom('invoices')
      .select('status')
      .where('order_id', '=', row.order_id)
      .where('status', '<>', 'voided')
      .executeTakeFirst();
    if (liveInvoice) {
      throw new DomainError(
        'CONFLICT',
        liveInvoice.status === 'issued'
          ? '该订单已开具发票，请先在「发票」中作废（红冲）后再审核通过退保'
          : '该订单有待开具的发票申请，请先在「发票」中作废该申请后再审核通过退保',
      );
    }
    const payee = row.account_number
      ? { name: row.account_name ?? '', bank: row.account_bank ?? '', account: row.account_number }
      : undefined;
    const transfer = await findPayingTransfer(trx, row.order_id);
    if (!payee && !transfer) throw new DomainError('CONFLICT', '找不到支付保费的转账，无法确定退款账户');
    // What was received, not what was owed: an operator may have accepted a payment short by a bank fee.
    const amountFen = transfer ? Math.min(record.premium_fen, transfer.amount_fen) : record.premium_fen;
    const clause = describeClause(row.clause);
    await transitionOrder(trx, actor, row.order_id, 'approveSurrender', {
      reason: reason ? `退保审核通过（${clause}）：${reason}` : `退保审核通过（${clause}）`,
      decisionId: row.decision_id,
    });
    const refundId = await createRefund(trx, {
      orderId: row.order_id,
      surrenderId: row.id,
      transferId: payee ? null : (transfer?.id ?? null),
      amountFen,
      reason: `退保（${clause}），退还保费`,
      payee,
    });
    const { from_status: _from, ...approved } = await transition(trx, 'surrenders', surrenderLifecycle, {
      id: row.id,
      action: 'approve',
      set: { reviewed_by: actor.userId, reviewed_at: now(), review_reason: reason ?? null, refund_id: refundId },
    });
    await appendAuditEvent(trx, actor, {
      action: 'surrender.approve',
      entityType: 'surrender',
      entityId: row.id,
      regionId: record.region_id,
      before: row,
      after: approved,
      reason: reason ?? null,
    });
    return (await surrenderResource.findById(trx, row.id, null))!;
  });
}
