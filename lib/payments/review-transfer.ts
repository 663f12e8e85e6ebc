import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, OrderStatus } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { assertCanWrite } from '@/lib/auth/authorize';
import { transition } from '@/lib/lifecycle/transition';
import { createRefund } from '@/lib/refunds/create-refund';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { requiredText } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { loadTransferForHandling } from './load-transfer-for-handling';
import { acceptPayment, rejectPayment } from './accept-or-reject-payment';
import { transferLifecycle } from './transfer-lifecycle';

const inputSchema = z.object({
  decision: z.enum(['approve', 'reject'], { error: '请选择审核结果' }),
  reason: requiredText('审核意见', 500),
});

/**
 * An operator's decision on a transfer the payment-source rules sent to review: approve issues the
 * policy, reject cancels the order and refunds the premium (the back office's commands approve and
 * reject). The transfer row is locked first, so two operators deciding at once yield one outcome: the
 * second is told it was already decided.
 */
export async function reviewTransfer(db: Kysely<Database>, actor: Actor, transferId: string, input: unknown): Promise<{ orderStatus: OrderStatus }> {
  const { decision, reason } = parseInput(inputSchema, input);
  return writeTransaction(db, async (trx) => {
    const transfer = await loadTransferForHandling(trx, actor, transferId, decision);
    assertCanWrite(actor, transfer.region_id);
    const orderId = transfer.order_id!;
    await transition(trx, 'bank_transfers', transferLifecycle, {
      id: transfer.id,
      action: decision,
      set: { handled_by: actor.userId, handled_at: now(), handling_note: reason },
    });
    if (decision === 'approve') {
      await acceptPayment(trx, actor, orderId, { reason: `支付审核通过（人工审核：${reason}），投保成功` });
      const { premium_fen: premiumFen } = await trx.selectFrom('orders').select('premium_fen').where('id', '=', orderId).executeTakeFirstOrThrow();
      if (transfer.amount_fen > premiumFen) {
        // The premium is kept, the rest goes back to the payer. Not linked to the transfer, which still
        // paid the premium (a later surrender refunds that).
        await createRefund(trx, {
          orderId,
          amountFen: transfer.amount_fen - premiumFen,
          reason: `人工审核通过，退还多付的款项（转账 ${transfer.bank_txn_id}）`,
          payee: { name: transfer.payer_name, bank: '', account: transfer.payer_account },
        });
      }
    } else {
      await rejectPayment(trx, actor, { orderId, transferId: transfer.id, amountFen: transfer.amount_fen }, { why: `人工审核未通过：${reason}` });
    }
    const orderStatus: OrderStatus = decision === 'approve' ? 'issued' : 'cancelled';
    await appendAuditEvent(trx, actor, {
      action: `bank_transfer.${decision}`,
      entityType: 'bank_transfer',
      entityId: transfer.id,
      regionId: transfer.region_id,
      before: { status: 'review', order_id: orderId },
      after: { status: 'matched', order_id: orderId, order_status: orderStatus },
      reason,
    });
    return { orderStatus };
  });
}
