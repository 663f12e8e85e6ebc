import { sql, type Transaction } from 'kysely';
import type { Database, OrderStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { transition } from '@/lib/lifecycle/transition';
import { now } from '@/lib/time/clock';
import { CALLBACK_OF_ACTION, enqueueGuaranteeCallback } from '@/lib/trading-platforms/guarantee-callback';
import { orderLifecycle, type OrderAction } from './order-lifecycle';

export interface TransitionOptions {
  /** Why, in Chinese, as the bidder and operators will read it on the timeline. */
  reason: string;
  /** The rule decision that caused it, when a rule did. */
  decisionId?: string | null;
}

/**
 * An order takes one of its lifecycle's edges (lib/orders/order-lifecycle.ts): the row is locked and changed
 * only from a state the action allows, and the order_events line is written from what changed — all in
 * one statement, in the caller's transaction.
 */
export async function transitionOrder(
  trx: Transaction<Database>,
  actor: Actor | null,
  orderId: string,
  action: OrderAction,
  options: TransitionOptions,
): Promise<OrderStatus> {
  if (!orderLifecycle.actions[action].to) throw new Error(`order.${action} changes no state`);
  const at = now();
  const changed = await transition(trx, 'orders', orderLifecycle, {
    id: orderId,
    action,
    set: { updated_at: at },
    // Parameters in INSERT … SELECT take their types from casts.
    history: sql`insert into order_events (order_id, from_status, to_status, actor_id, reason, decision_id, occurred_at)
      select id, from_status, status, ${actor?.userId ?? null}::uuid, ${options.reason}::text,
             ${options.decisionId ?? null}::uuid, ${at}::timestamptz
        from changed`,
  });
  // The trading platform hears of it in this transaction. `issued` on payment is written by acceptPayment
  // once the policy exists, so that the callback carries its number.
  const callback = CALLBACK_OF_ACTION[action];
  if (callback && action !== 'acceptPayment') await enqueueGuaranteeCallback(trx, orderId, callback);
  return changed.status;
}

/** The first line of an order's timeline, written when the order is created in its first state. */
export async function recordOrderCreated(
  trx: Transaction<Database>,
  actor: Actor,
  orderId: string,
  status: OrderStatus,
  reason: string,
): Promise<void> {
  await trx
    .insertInto('order_events')
    .values({ order_id: orderId, from_status: null, to_status: status, actor_id: actor.userId, reason, occurred_at: now() })
    .execute();
}
