import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { loadForWrite } from '@/lib/back-office/load-for-write';
import { transition } from '@/lib/lifecycle/transition';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { invoiceLifecycle } from './invoice-lifecycle';
import { invoiceResource, selectInvoices, type InvoiceRecord } from './invoice-resource';

const voidSchema = z.object({
  reason: z
    .string({ error: '请填写作废原因' })
    .trim()
    .min(2, { error: '请填写作废原因（至少 2 个字）' })
    .max(500, { error: '作废原因不能超过 500 个字符' }),
});

/**
 * 作废（红冲）: an operator of the order's region voids an issued invoice, or a request it will not issue,
 * and must say why; the bidder sees the voided invoice with the reason and may then ask again. The row
 * and any uploaded PDF are kept: a voided invoice is part of the record, not deleted.
 */
export async function voidInvoice(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown): Promise<InvoiceRecord> {
  requireWriter(actor);
  const id = parseInput(invoiceResource.idSchema, rawId);
  const { reason } = parseInput(voidSchema, input);
  return writeTransaction(db, async (trx) => {
    const existing = (await loadForWrite(trx, actor, invoiceResource, id)) as InvoiceRecord;
    await transition(trx, 'invoices', invoiceLifecycle, {
      id: existing.id,
      action: 'void',
      set: { void_reason: reason, voided_by: actor.userId, voided_at: now() },
    });
    const voided = (await selectInvoices(trx).where('invoices.id', '=', existing.id).executeTakeFirst())!;
    await appendAuditEvent(trx, actor, {
      action: 'invoice.void',
      entityType: 'invoice',
      entityId: existing.id,
      regionId: existing.region_id,
      before: existing,
      after: voided,
      reason,
    });
    return voided;
  });
}
