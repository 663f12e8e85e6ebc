import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { OrderAction } from '@/lib/orders/order-lifecycle';
import { enqueue } from '@/lib/outbox/enqueue';
import { now } from '@/lib/time/clock';
import { selectOrdersWithParties } from '@/lib/orders/order-join';

export type GuaranteeEventType = 'issued' | 'cancelled' | 'abandoned' | 'surrender_requested' | 'surrendered';

/**
 * Which order changes the trading platform hears of, and as what. A rejected surrender makes the guarantee
 * valid again, so the platform (told `surrender_requested` before) hears `issued` once more.
 */
export const CALLBACK_OF_ACTION: Partial<Record<OrderAction, GuaranteeEventType>> = {
  acceptPayment: 'issued',
  rejectPayment: 'cancelled',
  expire: 'cancelled',
  abandon: 'abandoned',
  applySurrender: 'surrender_requested',
  approveSurrender: 'surrendered',
  rejectSurrender: 'issued',
};

const LABELS: Record<GuaranteeEventType, string> = {
  issued: '保函已出具',
  cancelled: '订单已取消',
  abandoned: '已放弃购买保函',
  surrender_requested: '已申请退保',
  surrendered: '已退保',
};

/** The ordering key of a platform's callbacks about one order: they arrive in the order they happened. */
export const callbackKey = (platformCode: string, orderId: string) => `callback:${platformCode}:order:${orderId}`;

/**
 * Writes the callback `POST {callbackBaseUrl}/guarantee-events` about an order to the outbox, in the
 * transaction of the change it tells of, when the order's project came from an enabled trading platform with
 * a callback URL; otherwise nothing. The body is fixed now (with its eventId), and each attempt signs it.
 */
export async function enqueueGuaranteeCallback(trx: Transaction<Database>, orderId: string, type: GuaranteeEventType): Promise<string | null> {
  const row = await selectOrdersWithParties(trx)
    .innerJoin('trading_platforms', 'trading_platforms.id', 'projects.platform_id')
    .leftJoin('policies', 'policies.order_id', 'orders.id')
    .select([
      'orders.id', 'orders.order_number', 'orders.deposit_fen', 'sections.code as section_code', 'enterprises.uscc', 'projects.region_id',
      'trading_platforms.code as platform_code', 'trading_platforms.callback_base_url', 'trading_platforms.enabled', 'policies.policy_number',
    ])
    .where('orders.id', '=', orderId)
    .executeTakeFirst();
  if (!row || !row.enabled || !row.callback_base_url) return null;
  const body = {
    eventId: randomUUID(),
    type,
    orderNumber: row.order_number,
    ...(row.policy_number ? { policyNumber: row.policy_number } : {}),
    sectionCode: row.section_code,
    uscc: row.uscc,
    amountFen: Number(row.deposit_fen),
    occurredAt: now().toISOString(),
  };
  return enqueue(trx, {
    kind: 'platform_callback',
    destination: `${row.callback_base_url}/guarantee-events`,
    orderingKey: callbackKey(row.platform_code, row.id),
    summary: `${LABELS[type]}（${type}）· 订单 ${row.order_number}`,
    payload: { platformCode: row.platform_code, body: JSON.stringify(body) },
    regionId: row.region_id,
  });
}
