import type { Transaction } from 'kysely';
import type { Database, OrderStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';
import { ALLOWED_TRANSITIONS, ORDER_STATUS_LABELS } from './order-status';

export interface TransitionOptions {
  /** Why, in Chinese, as the bidder and operators will read it on the timeline. */
  reason: string;
  /** The rule decision that caused it, when a rule did. */
  decisionId?: string | null;
  /** Only allow the change from these states (a use case's own precondition). */
  from?: readonly OrderStatus[];
}

/**
 * The one way an order changes state: locks the order row, checks the edge against the lifecycle,
 * updates it and writes the order_events row, all in the caller's transaction.
 */
export async function transitionOrder(
  trx: Transaction<Database>,
  actor: Actor | null,
  orderId: string,
  to: OrderStatus,
  options: TransitionOptions,
): Promise<void> {
  const order = await trx.selectFrom('orders').select(['id', 'status']).where('id', '=', orderId).forUpdate().executeTakeFirst();
  if (!order) throw new DomainError('NOT_FOUND', '订单不存在或您无权查看');
  if ((options.from && !options.from.includes(order.status)) || !ALLOWED_TRANSITIONS[order.status].includes(to)) {
    throw new DomainError(
      'CONFLICT',
      `订单当前状态为「${ORDER_STATUS_LABELS[order.status]}」，不能变更为「${ORDER_STATUS_LABELS[to]}」`,
    );
  }
  const at = now();
  await trx.updateTable('orders').set({ status: to, updated_at: at }).where('id', '=', orderId).execute();
  await trx
    .insertInto('order_events')
    .values({
      order_id: orderId,
      from_status: order.status,
      to_status: to,
      actor_id: actor?.userId ?? null,
      reason: options.reason,
      decision_id: options.decisionId ?? null,
      occurred_at: at,
    })
    .execute();
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
