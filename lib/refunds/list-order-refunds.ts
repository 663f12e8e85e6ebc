import { sql, type Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { dueDateIsProvisional } from '@/lib/calendar/calendar-coverage';
import { now } from '@/lib/time/clock';
import type { RefundStatus } from './refund-labels';

export interface OrderRefund {
  id: string;
  amountFen: number;
  reason: string;
  status: RefundStatus;
  dueDate: string;
  /** Due in a year whose holidays the calendar does not hold yet: the date may move. */
  dueDateProvisional: boolean;
  /** Pending past its due date. */
  overdue: boolean;
  refundedAt: Date | null;
  /** Where the money goes: the account given (a surrender, a ticket), else back to the account it came from. */
  payeeName: string | null;
  payeeBank: string | null;
  payeeAccount: string | null;
  /** The surrender it refunds (shown in the surrender panel), or null (a cancelled order, a duplicate payment). */
  surrenderId: string | null;
}

/**
 * The refunds of an order as its bidder sees them, oldest first — what the procedure promises after a refused
 * payment ("保费于3~5个工作日内退还"): amount, where it goes, by when, and once paid, when. The caller has
 * checked the order is the reader's (getMyOrder).
 */
export function listOrderRefunds(db: Kysely<Database>, orderId: string): Promise<OrderRefund[]> {
  const today = sql<string>`(${now()}::timestamptz at time zone 'Asia/Shanghai')::date`;
  return db
    .selectFrom('refunds')
    .leftJoin('bank_transfers', 'bank_transfers.id', 'refunds.transfer_id')
    .where('refunds.order_id', '=', orderId)
    .select([
      'refunds.id', 'refunds.amount_fen as amountFen', 'refunds.reason', 'refunds.status', 'refunds.due_date as dueDate',
      'refunds.refunded_at as refundedAt', 'refunds.surrender_id as surrenderId',
    ])
    .select((eb) => [
      eb.fn.coalesce('refunds.payee_name', 'bank_transfers.payer_name').as('payeeName'),
      'refunds.payee_bank as payeeBank',
      eb.fn.coalesce('refunds.payee_account', 'bank_transfers.payer_account').as('payeeAccount'),
      sql<boolean>`refunds.status = 'pending' and ${dueDateIsProvisional('refunds.due_date')}`.as('dueDateProvisional'),
      sql<boolean>`refunds.status = 'pending' and refunds.due_date < ${today}`.as('overdue'),
    ])
    .orderBy('refunds.created_at')
    .orderBy('refunds.id')
    .execute();
}
