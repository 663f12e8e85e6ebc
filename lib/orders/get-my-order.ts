import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { loadMyOrder } from './load-my-order';
import { bidderOrderActions } from './order-lifecycle';
import { selectOrdersWithParties } from './order-join';

/**
 * An order of the bidder's own enterprise with what the detail page shows: the payment instructions
 * (receiving account, exact amount, remark, deadline, and for construction projects the basic account
 * the transfer must come from) and the status timeline. Any other order is "not found".
 */
export async function getMyOrder(db: Kysely<Database>, actor: Actor, orderId: string) {
  const mine = await loadMyOrder(db, actor, orderId);
  const order = await selectOrdersWithParties(db)
    .innerJoin('products', 'products.id', 'orders.product_id')
    .innerJoin('insurers', 'insurers.id', 'products.insurer_id')
    .innerJoin('form_versions', 'form_versions.id', 'orders.form_version_id')
    .where('orders.id', '=', mine.id)
    .select([
      'orders.id', 'orders.order_number as orderNumber', 'orders.remark_code as remarkCode', 'orders.status',
      'orders.premium_fen as premiumFen', 'orders.deposit_fen as depositFen', 'orders.form_data as formData', 'orders.created_at as createdAt',
      'projects.name as projectName', 'projects.code as projectCode', 'projects.type as projectType', 'projects.tenderer',
      'projects.deposit_deadline as depositDeadline', 'projects.bid_opening_at as bidOpeningAt',
      'sections.name as sectionName', 'products.name as productName', 'insurers.name as insurerName',
      'insurers.receiving_account_name as receivingAccountName', 'insurers.receiving_account_bank as receivingAccountBank',
      'insurers.receiving_account_number as receivingAccountNumber',
      'enterprises.basic_account_bank as basicAccountBank', 'enterprises.basic_account_number as basicAccountNumber',
      'form_versions.schema as formSchema', 'form_versions.ui_schema as formUiSchema',
    ])
    .executeTakeFirstOrThrow();
  const events = await db
    .selectFrom('order_events')
    .leftJoin('users', 'users.id', 'order_events.actor_id')
    .where('order_events.order_id', '=', orderId)
    .select(['order_events.id', 'order_events.from_status as fromStatus', 'order_events.to_status as toStatus', 'order_events.reason', 'order_events.occurred_at as occurredAt', 'users.display_name as actorName'])
    .orderBy('order_events.id')
    .execute();
  const platform = await platformReturn(db, mine.section_id);
  return {
    ...order,
    events,
    allowedActions: bidderOrderActions(order.status),
    /** Where 放弃购买保函 leads: back to this order (which then offers 返回交易平台) when it came from a platform. */
    abandonLandsOnOrder: platform !== null,
    returnToPlatform: order.status === 'abandoned' ? platform : null,
  };
}

/**
 * 返回交易平台: a bidder who came from a trading platform and gave the guarantee up goes back there to pay the
 * deposit another way, at the address the platform is registered with; null for any other order.
 */
async function platformReturn(db: Kysely<Database>, sectionId: string): Promise<{ name: string; url: string } | null> {
  const platform = await db
    .selectFrom('sections')
    .innerJoin('projects', 'projects.id', 'sections.project_id')
    .innerJoin('trading_platforms', 'trading_platforms.id', 'projects.platform_id')
    .select(['trading_platforms.name', 'trading_platforms.return_url'])
    .where('sections.id', '=', sectionId)
    .where('trading_platforms.enabled', '=', true)
    .executeTakeFirst();
  return platform?.return_url ? { name: platform.name, url: platform.return_url } : null;
}
