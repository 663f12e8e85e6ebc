import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { loadForWrite } from '@/lib/back-office/load-for-write';
import { transition } from '@/lib/lifecycle/transition';
import { enqueueRefundPaidMail } from '@/lib/mail/refund-mails';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { requiredText } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { refundLifecycle } from './refund-lifecycle';
import { refundResource, type RefundRecord } from './refund-resource';

const inputSchema = z.object({
  bank_reference: requiredText('退款银行流水号', 64),
  reason: z.string().trim().max(500).optional(),
});

/**
 * 标记为已退款: the bank has paid the refund; the operator records its reference. Once only — a second
 * marking is refused, and the refund keeps the first reference. Audited as `refund.update`, as it always was.
 */
export async function markRefunded(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown): Promise<RefundRecord> {
  requireWriter(actor);
  const id = parseInput(refundResource.idSchema, rawId);
  const { bank_reference, reason } = parseInput(inputSchema, input ?? {});
  return writeTransaction(db, async (trx) => {
    const existing = (await loadForWrite(trx, actor, refundResource, id)) as RefundRecord;
    await transition(trx, 'refunds', refundLifecycle, {
      id: existing.id,
      action: 'markRefunded',
      set: { refunded_at: now(), bank_reference },
    });
    await enqueueRefundPaidMail(trx, existing.id);
    const row = (await refundResource.findById(trx, existing.id, null))!;
    await appendAuditEvent(trx, actor, {
      action: 'refund.update',
      entityType: 'refund',
      entityId: row.id,
      regionId: existing.region_id,
      before: existing,
      after: row,
      reason: reason ?? null,
    });
    return row;
  });
}
