import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, PaymentTicketKind } from '@/db/database';
import { awaitsIssuance } from '@/lib/orders/order-lifecycle';
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
  /** Which problems may be reported now: 已支付，未出函 only while a policy may still come; 申请退费 when money is owed. */
  kinds: PaymentTicketKind[];
  /** When it becomes available (a payment awaiting issuance), for the page to say so. */
  availableFrom: Date | null;
  hasDuplicatePayment: boolean;
  /** A refund of the order is past its due date and not paid: the bidder may ask about it (申请退费). */
  hasOverdueRefund: boolean;
}

/**
 * 【支付遇到问题请点击】 is offered from 30 minutes after a payment still waiting for its policy, as soon as the
 * order has been paid more than once, and when a refund of it is overdue. A cancelled order will never be
 * issued, so "not issued yet" is never offered for it: its refund is. The caller has checked the order is the
 * reader's.
 */
export async function paymentProblemAvailability(
  db: Kysely<Database> | Transaction<Database>,
  orderId: string,
): Promise<PaymentProblemAvailability> {
  const today = sql<string>`(${now()}::timestamptz at time zone 'Asia/Shanghai')::date`;
  const [order, transfers, overdue] = await Promise.all([
    db.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirstOrThrow(),
    db.selectFrom('bank_transfers').select(['status', 'received_at']).where('order_id', '=', orderId).orderBy('received_at').execute(),
    db
      .selectFrom('refunds')
      .select('id')
      .where('order_id', '=', orderId)
      .where('status', '=', 'pending')
      .where(sql<boolean>`due_date < ${today}`)
      .limit(1)
      .executeTakeFirst(),
  ]);
  const hasDuplicatePayment = transfers.some((t) => isDuplicatePayment(t.status));
  const hasOverdueRefund = overdue !== undefined;
  const firstPayment = transfers.find((t) => countsAsPayment(t.status));
  const availableFrom =
    firstPayment && awaitsIssuance(order.status) ? new Date(firstPayment.received_at.getTime() + NOT_ISSUED_AFTER_MINUTES * 60 * 1000) : null;
  const notIssuedInTime = availableFrom !== null && now() >= availableFrom;
  const kinds: PaymentTicketKind[] = [
    ...(notIssuedInTime ? (['paid_not_issued'] as const) : []),
    ...(notIssuedInTime || hasDuplicatePayment || hasOverdueRefund ? (['refund_request'] as const) : []),
  ];
  const available = kinds.length > 0;
  return { available, allowedActions: available ? ['openTicket'] : [], kinds, availableFrom, hasDuplicatePayment, hasOverdueRefund };
}
