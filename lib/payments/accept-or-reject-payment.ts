import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { transitionOrder } from '@/lib/orders/transition-order';
import { issuePolicy } from '@/lib/policies/issue-policy';
import { createRefund } from '@/lib/refunds/create-refund';
import { enqueueGuaranteeCallback } from '@/lib/trading-platforms/guarantee-callback';
import { PAYMENT_SOURCE_CATALOG, type PaymentRejectionReason } from '@/rules/catalog/payment-source';

const REJECTION_LABELS = new Map<string, string>(PAYMENT_SOURCE_CATALOG.outcomes[2].params[0].values.map((v) => [v.value, v.label]));

/** The Chinese reason a bidder reads for a rejected payment. */
export function rejectionText(reason: PaymentRejectionReason | undefined): string {
  return (reason && REJECTION_LABELS.get(reason)) ?? '转账不符合支付规则';
}

/**
 * The two ends of payment review, whether the rules decided or an operator did. Accepting issues the
 * policy in the same transaction, so an order is never 投保成功 without one.
 */
export async function acceptPayment(
  trx: Transaction<Database>,
  actor: Actor | null,
  orderId: string,
  options: { reason: string; decisionId?: string | null },
): Promise<void> {
  await transitionOrder(trx, actor, orderId, 'acceptPayment', options);
  await issuePolicy(trx, orderId);
  await enqueueGuaranteeCallback(trx, orderId, 'issued');
}

export async function rejectPayment(
  trx: Transaction<Database>,
  actor: Actor | null,
  money: { orderId: string; transferId: string; amountFen: number },
  options: { why: string; decisionId?: string | null },
): Promise<void> {
  await transitionOrder(trx, actor, money.orderId, 'rejectPayment', {
    reason: `支付审核未通过：${options.why}`,
    decisionId: options.decisionId,
  });
  await createRefund(trx, { ...money, reason: `支付审核未通过（${options.why}），原路退还保费` });
}
