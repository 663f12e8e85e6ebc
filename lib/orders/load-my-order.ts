import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Database, OrdersTable } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { selectOrdersWithProject } from './order-join';

/** An order of the actor's own enterprise, with the region of its project (for the audit row). */
export type MyOrder = Selectable<OrdersTable> & { region_id: string };

/**
 * What anyone but the order's own enterprise is told: the same words whether the order is another
 * enterprise's or does not exist, so a bidder cannot learn that another enterprise's order exists.
 */
export const myOrderNotFound = () => new DomainError('NOT_FOUND', '订单不存在或您无权查看');

/**
 * The refusal loadMyOrder gives before it reads anything: only a bidder of an enterprise asks for its
 * orders, by an order id. Use cases that validate their input call it first, so a caller who may not ask
 * hears "not found" rather than what is wrong with the input.
 */
export function assertMayAskForMyOrder(actor: Actor, orderId: string): asserts actor is Actor & { enterpriseId: string } {
  if (actor.role !== 'bidder' || !actor.enterpriseId || !z.uuid().safeParse(orderId).success) throw myOrderNotFound();
}

/**
 * The bidder-side gate, as loadForWrite is the back office's: the order if it belongs to the actor's
 * enterprise, "not found" otherwise. `lock` takes the order row (FOR UPDATE) for the rest of the
 * caller's transaction, so two changes of one order are decided one after the other.
 */
export async function loadMyOrder(db: Kysely<Database>, actor: Actor, orderId: string, { lock = false } = {}): Promise<MyOrder> {
  assertMayAskForMyOrder(actor, orderId);
  // A lock outside a transaction ends with the statement: the caller would believe it holds the row.
  if (lock && !db.isTransaction) throw new Error('loadMyOrder: { lock: true } needs a transaction');
  let query = selectOrdersWithProject(db)
    .selectAll('orders')
    .select('projects.region_id')
    .where('orders.id', '=', orderId)
    .where('orders.enterprise_id', '=', actor.enterpriseId);
  if (lock) query = query.forUpdate('orders');
  const order = await query.executeTakeFirst();
  if (!order) throw myOrderNotFound();
  return order;
}
