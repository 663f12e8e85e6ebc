import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { now } from '@/lib/time/clock';

/** The seed: a bidder may report a problem when no guarantee was issued within 30 minutes of paying. */
export const NOT_ISSUED_AFTER_MINUTES = 30;

export interface PaymentProblemAvailability {
  available: boolean;
  /** When it becomes available (a payment awaiting issuance), for the page to say so. */
  availableFrom: Date | null;
  hasDuplicatePayment: boolean;
}

/**
 * 【支付遇到问题请点击】 is offered from 30 minutes after a payment that did not lead to a policy, or as
 * soon as the order has been paid more than once.
 */
export async function paymentProblemAvailability(
  db: Kysely<Database> | Transaction<Database>,
  orderId: string,
): Promise<PaymentProblemAvailability> {
  const [order, transfers] = await Promise.all([
    db.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirstOrThrow(),
    db.selectFrom('bank_transfers').select(['status', 'received_at']).where('order_id', '=', orderId).orderBy('received_at').execute(),
  ]);
  const hasDuplicatePayment = transfers.some((t) => t.status === 'duplicate');
  const firstPayment = transfers.find((t) => t.status === 'matched' || t.status === 'review');
  const notIssued = order.status === 'payment_review' || order.status === 'cancelled';
  const availableFrom =
    firstPayment && notIssued ? new Date(firstPayment.received_at.getTime() + NOT_ISSUED_AFTER_MINUTES * 60 * 1000) : null;
  return {
    available: hasDuplicatePayment || (availableFrom !== null && now() >= availableFrom),
    availableFrom,
    hasDuplicatePayment,
  };
}
