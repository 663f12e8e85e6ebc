import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { paidButNotIssued } from '@/lib/orders/order-lifecycle';
import { now } from '@/lib/time/clock';
import { countsAsPayment, isDuplicatePayment } from '../transfer-lifecycle';

/** The seed: a bidder may report a problem when no guarantee was issued within 30 minutes of paying. */
export const NOT_ISSUED_AFTER_MINUTES = 30;

/** What the order's bidder may do about a payment problem: 【支付遇到问题请点击】 opens a ticket. */
export type PaymentProblemAction = 'openTicket';

export interface PaymentProblemAvailability {
  available: boolean;
  /** What the order page offers: `openTicket` exactly when a problem may be reported now. */
  allowedActions: PaymentProblemAction[];
  /** When it becomes available (a payment awaiting issuance), for the page to say so. */
  availableFrom: Date | null;
  hasDuplicatePayment: boolean;
}

/**
 * 【支付遇到问题请点击】 is offered from 30 minutes after a payment that did not lead to a policy, or as
 * soon as the order has been paid more than once. The caller has checked the order is the reader's.
 */
export async function paymentProblemAvailability(
  db: Kysely<Database> | Transaction<Database>,
  orderId: string,
): Promise<PaymentProblemAvailability> {
  const [order, transfers] = await Promise.all([
    db.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirstOrThrow(),
    db.selectFrom('bank_transfers').select(['status', 'received_at']).where('order_id', '=', orderId).orderBy('received_at').execute(),
  ]);
  const hasDuplicatePayment = transfers.some((t) => isDuplicatePayment(t.status));
  const firstPayment = transfers.find((t) => countsAsPayment(t.status));
  const notIssued = paidButNotIssued(order.status);
  const availableFrom =
    firstPayment && notIssued ? new Date(firstPayment.received_at.getTime() + NOT_ISSUED_AFTER_MINUTES * 60 * 1000) : null;
  const available = hasDuplicatePayment || (availableFrom !== null && now() >= availableFrom);
  return { available, allowedActions: available ? ['openTicket'] : [], availableFrom, hasDuplicatePayment };
}
