import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, OrderStatus, TransferStatus } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { assertCanWrite } from '@/lib/auth/authorize';
import { DomainError } from '@/lib/errors/domain-error';
import { transition } from '@/lib/lifecycle/transition';
import { selectOrdersWithProject } from '@/lib/orders/order-join';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { requiredText } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { loadTransferForHandling } from './load-transfer-for-handling';
import { reconcileTransfer } from './reconcile-transfer';
import { transferLifecycle } from './transfer-lifecycle';

const inputSchema = z.object({
  order_number: requiredText('订单号', 40).transform((v) => v.toUpperCase()),
  note: requiredText('匹配说明', 500),
});

export interface HandMatchResult {
  transferStatus: TransferStatus;
  orderId: string;
  orderStatus: OrderStatus;
}

/**
 * An operator attaches a transfer whose remark named no order to the order it pays (found, say, by the
 * payer's account and amount). The payment-source rules then judge it exactly as if it had matched on
 * its own — a wrong remark is still a wrong remark — so matching by hand never bypasses the rules.
 */
export async function matchTransferByHand(db: Kysely<Database>, actor: Actor, transferId: string, input: unknown): Promise<HandMatchResult> {
  const { order_number: orderNumber, note } = parseInput(inputSchema, input);
  return writeTransaction(db, async (trx) => {
    const transfer = await loadTransferForHandling(trx, actor, transferId, 'match');
    const order = await selectOrdersWithProject(trx)
      .where('orders.order_number', '=', orderNumber)
      .select(['orders.id', 'projects.region_id'])
      .executeTakeFirst();
    const notFound = new DomainError('NOT_FOUND', `未找到订单号为 ${orderNumber} 的订单`, { order_number: '未找到该订单号' });
    if (!order || (actor.role === 'operator' && order.region_id !== actor.regionId)) throw notFound;
    assertCanWrite(actor, order.region_id);
    await transition(trx, 'bank_transfers', transferLifecycle, {
      id: transfer.id,
      action: 'match',
      set: { handled_by: actor.userId, handled_at: now(), handling_note: note },
    });
    const transferStatus = await reconcileTransfer(trx, transfer.id, order.id);
    const after = await trx.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow();
    await appendAuditEvent(trx, actor, {
      action: 'bank_transfer.match',
      entityType: 'bank_transfer',
      entityId: transfer.id,
      regionId: order.region_id,
      before: { status: transfer.status, order_id: null },
      after: { status: transferStatus, order_id: order.id, order_number: orderNumber, order_status: after.status },
      reason: note,
    });
    return { transferStatus, orderId: order.id, orderStatus: after.status };
  });
}
