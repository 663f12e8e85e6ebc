import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';

/** The tickets of an order, newest first, as the bidder sees them (the caller has checked the order is theirs). */
export function listOrderTickets(db: Kysely<Database>, orderId: string) {
  return db
    .selectFrom('payment_tickets')
    .where('order_id', '=', orderId)
    .select(['id', 'kind', 'message', 'status', 'answer', 'answered_at as answeredAt', 'created_at as createdAt', 'refund_account_number as refundAccountNumber'])
    .orderBy('created_at', 'desc')
    .execute();
}
