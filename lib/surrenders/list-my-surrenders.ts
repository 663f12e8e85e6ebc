import { sql, type Kysely } from 'kysely';
import { dueDateIsProvisional } from '@/lib/calendar/calendar-coverage';
import type { Database, SurrenderBidderReason, SurrenderStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { loadMyOrder, type MyOrder } from '@/lib/orders/load-my-order';
import { bidderOrderActions } from '@/lib/orders/order-lifecycle';
import type { RefundStatus } from '@/lib/refunds/refund-labels';
import { previewSurrender, type SurrenderPreview } from './preview-surrender';
import { allowedSurrenderActions, type SurrenderAction } from './surrender-lifecycle';

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
  refundStatus: RefundStatus | null;
  refundAmountFen: number | null;
  refundDueDate: string | null;
  /** The due date falls in a year whose holidays the calendar does not hold yet: it may move. */
  refundDueDateProvisional: boolean;
  refundedAt: Date | null;
  /** What the bidder may do to this surrender now (完善退保账户信息), as its lifecycle says. */
  allowedActions: SurrenderAction[];
}

/** The order's surrender panel: its surrenders, and whether the bidder may apply (again) now. */
export interface MySurrenders {
  surrenders: MySurrender[];
  /** 申请退保, when the order's lifecycle allows it. */
  allowedActions: 'applySurrender'[];
  /** When 申请退保 is allowed: what the surrender rules say now for each reason, shown before the bidder confirms. */
  preview: Record<SurrenderBidderReason, SurrenderPreview> | null;
}

async function surrendersOf(db: Kysely<Database>, actor: Actor, order: MyOrder): Promise<MySurrender[]> {
  const rows = await db
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
    .select(sql<boolean>`refunds.due_date is not null and ${dueDateIsProvisional('refunds.due_date')}`.as('refundDueDateProvisional'))
    .orderBy('surrenders.created_at', 'desc')
    .orderBy('surrenders.id')
    .execute();
  return rows.map((row) => ({
    ...row,
    allowedActions: allowedSurrenderActions({ status: row.status, region_id: order.region_id, enterprise_id: order.enterprise_id }, actor),
  }));
}

/**
 * 【退保详情】: the surrenders of one of the bidder's own orders, newest first, each with its refund. A
 * rejected one stays listed so the bidder can read why before applying again.
 */
export async function listMySurrenders(db: Kysely<Database>, actor: Actor, orderId: string): Promise<MySurrender[]> {
  return surrendersOf(db, actor, await loadMyOrder(db, actor, orderId));
}

/** listMySurrenders, with what the bidder may start on the order: the order page's surrender panel renders from it. */
export async function loadMySurrenders(db: Kysely<Database>, actor: Actor, orderId: string): Promise<MySurrenders> {
  const order = await loadMyOrder(db, actor, orderId);
  const allowedActions = bidderOrderActions(order.status).filter((action) => action === 'applySurrender');
  const [surrenders, preview] = await Promise.all([
    surrendersOf(db, actor, order),
    allowedActions.length ? previewSurrender(db, order.id) : null,
  ]);
  return { surrenders, allowedActions, preview };
}
