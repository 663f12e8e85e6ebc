import { sql, type Kysely } from 'kysely';
import type { Database, OrderStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { selectOrdersWithProject } from './order-join';

export interface MyOrdersQuery {
  page: number;
  pageSize: number;
  status?: OrderStatus;
}

/** 订单管理: the orders of the bidder's own enterprise, newest first. */
export async function listMyOrders(db: Kysely<Database>, actor: Actor, query: MyOrdersQuery) {
  if (actor.role !== 'bidder' || !actor.enterpriseId) throw new DomainError('FORBIDDEN', '只有投标人可以查看投保订单');
  let base = selectOrdersWithProject(db)
    .innerJoin('products', 'products.id', 'orders.product_id')
    .innerJoin('insurers', 'insurers.id', 'products.insurer_id')
    .where('orders.enterprise_id', '=', actor.enterpriseId);
  if (query.status) base = base.where('orders.status', '=', query.status);
  const [rows, count] = await Promise.all([
    base
      .select([
        'orders.id', 'orders.order_number as orderNumber', 'orders.status', 'orders.premium_fen as premiumFen',
        'orders.deposit_fen as depositFen', 'orders.created_at as createdAt', 'projects.name as projectName',
        'sections.name as sectionName', 'insurers.name as insurerName', 'projects.deposit_deadline as depositDeadline',
      ])
      // What the platform owes back on the order and what it has paid back (a refused payment, a surrender).
      .select((eb) => [
        eb
          .selectFrom('refunds')
          .select(sql<string>`coalesce(sum(refunds.amount_fen), 0)`.as('fen'))
          .whereRef('refunds.order_id', '=', 'orders.id')
          .where('refunds.status', '=', 'pending')
          .as('refundPendingFen'),
        eb
          .selectFrom('refunds')
          .select(sql<string>`coalesce(sum(refunds.amount_fen), 0)`.as('fen'))
          .whereRef('refunds.order_id', '=', 'orders.id')
          .where('refunds.status', '=', 'refunded')
          .as('refundedFen'),
      ])
      .orderBy('orders.created_at', 'desc')
      .orderBy('orders.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute()
      .then((found) => found.map((row) => ({ ...row, refundPendingFen: Number(row.refundPendingFen ?? 0), refundedFen: Number(row.refundedFen ?? 0) }))),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}
