import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { myOrderNotFound } from '@/lib/orders/load-my-order';
import { decide } from '@/lib/rules/decide';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { summarizeOutcome } from '@/rules/explain-decision';
import { parseInvoiceRequest } from './invoice-request-schema';
import { bidOpened, findLiveInvoice, LIVE_INVOICE_MESSAGE, loadMyInvoicingOrder, notInvoiceableReason } from './my-invoicing-order';

export interface RequestedInvoice {
  invoiceId: string;
  decisionId: string;
}

/**
 * 【申请发票】: the bidder asks for an invoice of its paid order's premium. The invoice-type rules of the
 * order's region decide whether this medium and type may be issued now (after bid opening; electronic
 * only ordinary, by default). The decision is logged even when it refuses, so compliance can see every
 * answer the rules gave; a refused request writes nothing else. One live invoice per order.
 */
export async function requestInvoice(db: Kysely<Database>, actor: Actor, orderId: string, input: unknown): Promise<RequestedInvoice> {
  if (actor.role !== 'bidder' || !actor.enterpriseId) throw myOrderNotFound();
  const request = parseInvoiceRequest(input);

  const result = await writeTransaction(db, async (trx): Promise<RequestedInvoice | { refused: string }> => {
    const order = await loadMyInvoicingOrder(trx, actor, orderId, { lock: true });
    const notInvoiceable = notInvoiceableReason(order.status);
    if (notInvoiceable) throw new DomainError('CONFLICT', notInvoiceable);
    const live = await findLiveInvoice(trx, order.id);
    if (live) throw new DomainError('CONFLICT', LIVE_INVOICE_MESSAGE[live.status]);

    const decision = await decide(
      trx,
      'invoice-type',
      { bidOpened: bidOpened(order), medium: request.medium, invoiceType: request.invoiceType },
      { region: order.regionId, subject: { type: 'order', id: order.id } },
    );
    // Returned, not thrown: the transaction must commit so that the refusal stays in the decision log.
    if (!decision.outcome.allowed) return { refused: summarizeOutcome('invoice-type', decision.outcome) };

    const invoice = await trx
      .insertInto('invoices')
      .values({
        order_id: order.id,
        medium: request.medium,
        invoice_type: request.invoiceType,
        title: request.title,
        tax_number: request.taxNumber,
        company_address: request.companyAddress ?? null,
        company_phone: request.companyPhone ?? null,
        company_bank: request.companyBank ?? null,
        company_account: request.companyAccount ?? null,
        recipient_name: request.recipientName ?? null,
        recipient_phone: request.recipientPhone ?? null,
        delivery_address: request.deliveryAddress ?? null,
        status: 'requested',
        decision_id: decision.decisionId!,
        requested_by: actor.userId,
        requested_at: now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, actor, {
      action: 'invoice.request',
      entityType: 'invoice',
      entityId: invoice.id,
      regionId: order.regionId,
      after: { ...invoice, amount_fen: order.premiumFen, rule_version: decision.version },
    });
    return { invoiceId: invoice.id, decisionId: decision.decisionId! };
  });
  if ('refused' in result) throw new DomainError('RULE_REFUSED', result.refused);
  return result;
}
