import type { Kysely, Transaction } from 'kysely';
import type { Database, OrderStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { loadMyOrder } from '@/lib/orders/load-my-order';
import { selectOrdersWithParties } from '@/lib/orders/order-join';
import { now } from '@/lib/time/clock';
import { LIVE_INVOICE_STATES, type LiveInvoiceStatus } from './invoice-lifecycle';

/**
 * An order of the bidder's own enterprise, with what invoicing needs: its region (whose rules decide),
 * the bid opening, the premium (the invoice amount) and the enterprise's registered details (the defaults
 * of the request). Any other order is "not found", as on the order pages. `lock` takes the order row,
 * so two requests for one order are decided one after the other.
 */
export async function loadMyInvoicingOrder(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  orderId: string,
  { lock = false } = {},
) {
  const mine = await loadMyOrder(db, actor, orderId, { lock });
  return selectOrdersWithParties(db)
    .where('orders.id', '=', mine.id)
    .select([
      'orders.id', 'orders.status', 'orders.enterprise_id as enterpriseId', 'orders.premium_fen as premiumFen', 'projects.region_id as regionId',
      'projects.bid_opening_at as bidOpeningAt', 'enterprises.name as enterpriseName', 'enterprises.uscc',
      'enterprises.contact_name as contactName', 'enterprises.contact_phone as contactPhone',
      'enterprises.basic_account_bank as basicAccountBank', 'enterprises.basic_account_number as basicAccountNumber',
    ])
    .executeTakeFirstOrThrow();
}

export type InvoicingOrder = Awaited<ReturnType<typeof loadMyInvoicingOrder>>;

/** "Bid opened" is the moment of opening itself onwards. */
export const bidOpened = (order: Pick<InvoicingOrder, 'bidOpeningAt'>): boolean => now() >= order.bidOpeningAt;

/**
 * Only a premium the insurer keeps is invoiced: a paid and insured order. While a surrender is under
 * review the premium may still go back, and a surrendered order's premium has been refunded.
 */
const NOT_INVOICEABLE: Partial<Record<OrderStatus, string>> = {
  pending_payment: '订单尚未支付，投保成功后方可申请发票',
  payment_review: '订单支付审核中，投保成功后方可申请发票',
  cancelled: '订单已取消，不能申请发票',
  abandoned: '订单已放弃，不能申请发票',
  surrender_review: '订单退保审核中，暂不能申请发票',
  surrendered: '订单已退保，保费已退还，不能申请发票',
};

/** Why this order cannot be invoiced at all (whatever the rules say), or null when it can. */
export function notInvoiceableReason(status: OrderStatus): string | null {
  return NOT_INVOICEABLE[status] ?? null;
}

/** The order's invoice that counts (requested or issued), if it has one. A voided one (红冲) no longer does. */
export async function findLiveInvoice(db: Kysely<Database> | Transaction<Database>, orderId: string) {
  return db
    .selectFrom('invoices')
    .select(['id', 'status'])
    .where('order_id', '=', orderId)
    .where('status', 'in', LIVE_INVOICE_STATES)
    .$narrowType<{ status: LiveInvoiceStatus }>()
    .executeTakeFirst();
}

export const LIVE_INVOICE_MESSAGE: Record<LiveInvoiceStatus, string> = {
  requested: '本订单已申请发票，正在等待开具，不能重复申请',
  issued: '本订单的发票已开具，不能重复申请；如需重开，请联系区域管理员作废（红冲）后重新申请',
};
