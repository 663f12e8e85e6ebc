import { sql, type Transaction } from 'kysely';
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

const ALL_STATUSES = Object.keys(ALLOWED_TRANSITIONS) as OrderStatus[];

/**
 * The one way an order changes state: locks the order row, checks the edge against the lifecycle,
 * updates it and writes the order_events row, all in the caller's transaction — in one statement, since
 * a payment makes two transitions in the transaction a bank's notification waits for (issue #15).
 */
export async function transitionOrder(
  trx: Transaction<Database>,
  actor: Actor | null,
  orderId: string,
  to: OrderStatus,
  options: TransitionOptions,
): Promise<void> {
  const from = (options.from ?? ALL_STATUSES).filter((status) => ALLOWED_TRANSITIONS[status].includes(to));
  const at = now();
  if (from.length) {
    // The row is locked first (FOR UPDATE), then changed only from a state the edge allows; the event
    // row is written from what changed. Parameters in INSERT … SELECT take their types from casts.
    const { rows } = await sql<{ from_status: OrderStatus }>`
      with locked as (
        select id, status from orders where id = ${orderId}::uuid for update
      ), changed as (
        update orders set status = ${to}::text, updated_at = ${at}::timestamptz
          from locked
         where orders.id = locked.id and locked.status in (${sql.join(from.map((status) => sql`${status}::text`))})
        returning locked.status as from_status
      )
      insert into order_events (order_id, from_status, to_status, actor_id, reason, decision_id, occurred_at)
      select ${orderId}::uuid, from_status, ${to}::text, ${actor?.userId ?? null}::uuid, ${options.reason}::text,
             ${options.decisionId ?? null}::uuid, ${at}::timestamptz
        from changed
      returning from_status`.execute(trx);
    if (rows.length) return;
  }
  const order = await trx.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirst();
  if (!order) throw new DomainError('NOT_FOUND', '订单不存在或您无权查看');
  throw new DomainError('CONFLICT', `订单当前状态为「${ORDER_STATUS_LABELS[order.status]}」，不能变更为「${ORDER_STATUS_LABELS[to]}」`);
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
