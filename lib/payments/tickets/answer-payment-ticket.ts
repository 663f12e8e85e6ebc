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
import { requiredText } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { paymentTicketLifecycle } from './payment-ticket-lifecycle';
import { paymentTicketResource, type PaymentTicketRecord } from './payment-ticket-resource';

const inputSchema = z.object({ answer: requiredText('处理结果', 1000) });

/**
 * The back office's command answer (提交处理结果): an operator of the order's region answers a ticket once;
 * the bidder reads the answer on the order page. Of two operators answering at once, the second is told
 * it was answered already. Audited as the update it used to be (payment_ticket.update).
 */
export async function answerPaymentTicket(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown): Promise<PaymentTicketRecord> {
  requireWriter(actor);
  const id = parseInput(paymentTicketResource.idSchema, rawId);
  const { answer } = parseInput(inputSchema, input);
  return writeTransaction(db, async (trx) => {
    const existing = (await loadForWrite(trx, actor, paymentTicketResource, id)) as PaymentTicketRecord;
    await transition(trx, 'payment_tickets', paymentTicketLifecycle, {
      id: existing.id,
      action: 'answer',
      set: { answer, answered_by: actor.userId, answered_at: now() },
    });
    const row = (await paymentTicketResource.findById(trx, existing.id, null))!;
    await appendAuditEvent(trx, actor, {
      action: 'payment_ticket.update',
      entityType: 'payment_ticket',
      entityId: row.id,
      regionId: existing.region_id,
      before: existing,
      after: row,
      reason: null,
    });
    return row;
  });
}
