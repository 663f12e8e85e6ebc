import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { refundDueDate } from '@/lib/calendar/refund-due-date';
import { enqueueRefundDueMail } from '@/lib/mail/refund-mails';
import { now } from '@/lib/time/clock';

export interface RefundRequest {
  /** Null only when the money belongs to no order (an unmatched transfer returned to its payer). */
  orderId: string | null;
  transferId?: string | null;
  surrenderId?: string | null;
  amountFen: number;
  /** Shown to operators in the refunds queue and to the bidder: say in Chinese why the money goes back. */
  reason: string;
  /** Where to pay it; absent means back the way it came (the transfer's payer account). */
  payee?: { name: string; bank: string; account: string };
}

/**
 * A refund owed, due five working days from today by the operators' calendar. Written in the caller's
 * transaction so that the refund exists exactly when what caused it (a rejection, a surrender) does.
 */
export async function createRefund(trx: Transaction<Database>, request: RefundRequest): Promise<string> {
  const at = now();
  const row = await trx
    .insertInto('refunds')
    .values({
      order_id: request.orderId,
      transfer_id: request.transferId ?? null,
      surrender_id: request.surrenderId ?? null,
      amount_fen: request.amountFen,
      reason: request.reason,
      payee_name: request.payee?.name ?? null,
      payee_bank: request.payee?.bank ?? null,
      payee_account: request.payee?.account ?? null,
      due_date: await refundDueDate(trx, at),
      status: 'pending',
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The applicant hears of it (amount, due date) from a mail written with the refund.
  await enqueueRefundDueMail(trx, row.id);
  return row.id;
}
