import { z } from 'zod';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { listBackOfficeOrders } from './order-list';
import { operatorOrderActions } from './operator-order-actions';
import { selectBackOfficeOrders, type OrderRecord } from './order-record';
import { orderTimeline, type TimelineEntry } from './order-timeline';

/** An order's detail: the record and everything that happened to it. */
export type OrderDetail = OrderRecord & { timeline?: TimelineEntry[] };

/**
 * 全部订单: every order of the reader's region, read-only. Its detail carries the full timeline; what may be
 * done to it now is `allowed_actions` (operator-order-actions.ts), taken in the queues that own those moves.
 */
export const orderResource: ResourceDefinition<OrderDetail> = {
  name: 'orders',
  entityType: 'order',
  label: '订单',
  idSchema: z.uuid({ error: '订单编号无效' }),
  defaultSort: 'created_at',
  list: listBackOfficeOrders,
  async findById(db, id) {
    const order = await selectBackOfficeOrders(db).where('orders.id', '=', String(id)).executeTakeFirst();
    return order && { ...order, timeline: await orderTimeline(db, order.id) };
  },
  allowedActions: operatorOrderActions,
};
