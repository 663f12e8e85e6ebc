import type { RuleSetKey, RuleSetOutcomes } from './catalog/rule-set-catalogs';
import { INVOICE_REFUSAL_PRECEDENCE, type InvoiceRefusalReason, type InvoiceTypeOutcome } from './catalog/invoice-type';
import { PAYMENT_REJECTION_PRECEDENCE, type PaymentRejectionReason, type PaymentSourceOutcome } from './catalog/payment-source';
import { NO_SURRENDER_CLAUSE, type SurrenderClause, type SurrenderEligibilityOutcome } from './catalog/surrender-eligibility';
import type { RuleEvent } from './rule-document-types';

/**
 * Turns the events that fired into the one answer `lib/` acts on. The semantics live here, not in the
 * rule documents, so that no edit of a document can change them:
 * - surrender: eligible when any `eligible` fired; the lowest clause wins when several did (they are
 *   listed in the seed from the most specific up, and the lowest is the one a bidder reads first);
 * - payment and invoice: any rejection or refusal wins over an acceptance, the reason reported follows
 *   the catalog's precedence, and nothing fired means no.
 * Only events of a validated document reach this code, so parameter values are already catalog values.
 */
type Normalizers = { [K in RuleSetKey]: (events: readonly RuleEvent[]) => RuleSetOutcomes[K] };

const NORMALIZERS: Normalizers = {
  'surrender-eligibility': normalizeSurrender,
  'payment-source': normalizePayment,
  'invoice-type': normalizeInvoice,
};

export function normalizeOutcome<K extends RuleSetKey>(ruleSetKey: K, firedEvents: readonly RuleEvent[]): RuleSetOutcomes[K] {
  return NORMALIZERS[ruleSetKey](firedEvents);
}

function normalizeSurrender(events: readonly RuleEvent[]): SurrenderEligibilityOutcome {
  const clauses = events
    .filter((e) => e.type === 'eligible')
    .map((e) => e.params?.clause as SurrenderClause)
    .sort((a, b) => a - b);
  const clause = clauses[0];
  if (clause === undefined) return { eligible: false, clause: NO_SURRENDER_CLAUSE.value, refundAccountRequired: false };
  return { eligible: true, clause, refundAccountRequired: events.some((e) => e.type === 'refund-account-required') };
}

function normalizePayment(events: readonly RuleEvent[]): PaymentSourceOutcome {
  const reasons = new Set(events.filter((e) => e.type === 'reject').map((e) => e.params?.reason));
  if (reasons.size > 0) {
    const reason: PaymentRejectionReason | undefined = PAYMENT_REJECTION_PRECEDENCE.find((r) => reasons.has(r));
    return reason ? { accepted: false, reason } : { accepted: false };
  }
  if (events.some((e) => e.type === 'review')) return { accepted: false, review: true };
  return events.some((e) => e.type === 'accept') ? { accepted: true } : { accepted: false };
}

function normalizeInvoice(events: readonly RuleEvent[]): InvoiceTypeOutcome {
  const reasons = new Set(events.filter((e) => e.type === 'refused').map((e) => e.params?.reason));
  if (reasons.size > 0) {
    const reason: InvoiceRefusalReason | undefined = INVOICE_REFUSAL_PRECEDENCE.find((r) => reasons.has(r));
    return reason ? { allowed: false, reason } : { allowed: false };
  }
  return events.some((e) => e.type === 'allowed') ? { allowed: true } : { allowed: false };
}
