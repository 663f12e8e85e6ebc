import { sql } from 'kysely';
import { declaredList } from '@/lib/back-office/declared-list';
import { DomainError } from '@/lib/errors/domain-error';
import { orderLifecycle } from '../order-lifecycle';
import { selectBackOfficeOrders, type OrderRecord } from './order-record';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A Beijing calendar date of the form, checked before it reaches SQL (a malformed one is a 422). */
function beijingDate(value: string | boolean, name: string): string {
  const text = String(value);
  if (!DATE.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) throw new DomainError('VALIDATION_FAILED', `筛选条件 ${name} 应为 YYYY-MM-DD 格式的日期`);
  return text;
}

const createdOn = sql<string>`(orders.created_at at time zone 'Asia/Shanghai')::date`;

/**
 * 全部订单: the orders of the reader's region (a platform administrator's: all), newest first by default.
 * The search box looks in the order number, the enterprise's name and USCC, the project's name and code
 * and the section's name; the filters are the state, product, insurer and the day it was placed (Beijing).
 */
export const listBackOfficeOrders = declaredList<OrderRecord>({
  from: selectBackOfficeOrders,
  id: 'orders.id',
  region: { column: 'projects.region_id' },
  filters: {
    status: { column: 'orders.status', values: orderLifecycle.stateNames },
    product_id: { column: 'orders.product_id', type: 'uuid' },
    insurer_id: { column: 'products.insurer_id', type: 'uuid' },
    enterprise_id: { column: 'orders.enterprise_id', type: 'uuid' },
    created_from: { where: (query, value) => query.where(createdOn, '>=', beijingDate(value, 'created_from')) },
    created_to: { where: (query, value) => query.where(createdOn, '<=', beijingDate(value, 'created_to')) },
  },
  search: ['orders.order_number', 'enterprises.name', 'enterprises.uscc', 'projects.name', 'projects.code', 'sections.name'],
  sortable: {
    id: 'orders.id',
    created_at: 'orders.created_at',
    updated_at: 'orders.updated_at',
    premium_fen: 'orders.premium_fen',
    order_number: 'orders.order_number',
  },
});
