import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { transition } from '@/lib/lifecycle/transition';
import { createRefund } from '@/lib/refunds/create-refund';
import { requiredText } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { loadTransferForHandling } from './load-transfer-for-handling';
import { transferLifecycle } from './transfer-lifecycle';

const inputSchema = z.object({ note: requiredText('退回原因', 500) });

/**
 * Money that belongs to no order goes back to its payer: the transfer is marked returned and a refund to
 * the paying account joins the refunds queue. A transfer no region has claimed is the platform's to
 * return; a region's operators return their own region's.
 */
export async function returnTransfer(db: Kysely<Database>, actor: Actor, transferId: string, input: unknown): Promise<{ refundId: string }> {
  const { note } = parseInput(inputSchema, input);
  return writeTransaction(db, async (trx) => {
    const transfer = await loadTransferForHandling(trx, actor, transferId, 'return');
    if (actor.role !== 'platform_admin' && (transfer.region_id === null || transfer.region_id !== actor.regionId)) {
      throw new DomainError(
        'OTHER_REGION',
        transfer.region_id === null ? '未归属区域的转账只能由平台管理员退回；如能确认所属订单，请使用「匹配订单」' : '您只能退回本区域的转账',
      );
    }
    await transition(trx, 'bank_transfers', transferLifecycle, {
      id: transfer.id,
      action: 'return',
      set: { handled_by: actor.userId, handled_at: now(), handling_note: note },
    });
    const refundId = await createRefund(trx, {
      orderId: null,
      transferId: transfer.id,
      amountFen: transfer.amount_fen,
      reason: `无法匹配订单的转账，原路退回：${note}`,
    });
    await appendAuditEvent(trx, actor, {
      action: 'bank_transfer.return',
      entityType: 'bank_transfer',
      entityId: transfer.id,
      regionId: transfer.region_id,
      before: { status: transfer.status },
      after: { status: 'returned', refund_id: refundId },
      reason: note,
    });
    return { refundId };
  });
}
