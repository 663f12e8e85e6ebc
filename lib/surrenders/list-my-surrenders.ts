import type { Kysely } from 'kysely';
import type { Database, SurrenderBidderReason, SurrenderStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { loadMyOrder } from '@/lib/orders/load-my-order';

export interface MySurrender {
  id: string;
  status: SurrenderStatus;
  bidderReason: SurrenderBidderReason;
  note: string;
  clause: number;
  refundAccountRequired: boolean;
  accountName: string | null;
  accountBank: string | null;
  accountNumber: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  reviewReason: string | null;
  refundStatus: 'pending' | 'refunded' | null;
  refundAmountFen: number | null;
  refundDueDate: string | null;
  refundedAt: Date | null;
}

/**
 * 【退保详情】: the surrenders of one of the bidder's own orders, newest first, each with its refund. A
 * rejected one stays listed so the bidder can read why before applying again.
 */
export async function listMySurrenders(db: Kysely<Database>, actor: Actor, orderId: string): Promise<MySurrender[]> {
  const order = await loadMyOrder(db, actor, orderId);
  return db
    .selectFrom('surrenders')
    .leftJoin('refunds', 'refunds.id', 'surrenders.refund_id')
    .where('surrenders.order_id', '=', order.id)
    .select([
      'surrenders.id', 'surrenders.status', 'surrenders.bidder_reason as bidderReason', 'surrenders.note', 'surrenders.clause',
      'surrenders.refund_account_required as refundAccountRequired', 'surrenders.account_name as accountName',
      'surrenders.account_bank as accountBank', 'surrenders.account_number as accountNumber', 'surrenders.created_at as createdAt',
      'surrenders.submitted_at as submittedAt', 'surrenders.reviewed_at as reviewedAt', 'surrenders.review_reason as reviewReason',
      'refunds.status as refundStatus', 'refunds.amount_fen as refundAmountFen', 'refunds.due_date as refundDueDate',
      'refunds.refunded_at as refundedAt',
    ])
    .orderBy('surrenders.created_at', 'desc')
    .orderBy('surrenders.id')
    .execute();
}
