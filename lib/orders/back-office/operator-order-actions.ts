import type { Actor } from '@/lib/auth/actor';
import { mayWrite } from '@/lib/auth/authorize';
import { actionsFrom } from '@/lib/lifecycle/lifecycle';
import { orderLifecycle, type OrderAction } from '../order-lifecycle';
import type { OrderRecord } from './order-record';

/** The moves on an order that are operators' to make, each in its own queue (支付审核, 退保审核). */
const OPERATOR_ACTIONS = new Set<OrderAction>(['acceptPayment', 'rejectPayment', 'approveSurrender', 'rejectSurrender']);

/**
 * What the reader of 全部订单 may do to the order now, as its lifecycle says and if it may write in the
 * order's region: the detail page offers these as links to the queue where they are done.
 */
export function operatorOrderActions(record: Pick<OrderRecord, 'status' | 'region_id'>, actor: Actor): OrderAction[] {
  if (!mayWrite(actor, record.region_id)) return [];
  return actionsFrom(orderLifecycle, record.status).filter((action) => OPERATOR_ACTIONS.has(action));
}
