import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';

/** Orders that still hold their section: abandoned and surrendered ones free it for a new application. */
export const LIVE_ORDER_EXCLUDES = ['abandoned', 'surrendered'] as const;

/** The enterprise's live order for a section, if any. */
export function findLiveOrder(db: Kysely<Database> | Transaction<Database>, enterpriseId: string, sectionId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'order_number'])
    .where('enterprise_id', '=', enterpriseId)
    .where('section_id', '=', sectionId)
    .where('status', 'not in', [...LIVE_ORDER_EXCLUDES])
    .executeTakeFirst();
}

export const alreadyAppliedMessage = (orderNumber: string) =>
  `您已为该标段提交过申请（订单号 ${orderNumber}），请在【订单管理】中查看或继续支付`;
