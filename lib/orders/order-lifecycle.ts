import type { OrderStatus } from '@/db/database';
import { actionsFrom, defineLifecycle } from '@/lib/lifecycle/lifecycle';
import { ORDER_STATUS_LABELS } from './order-status';

/**
 * The order lifecycle of DESIGN.md. The edges are the only way an order's status changes; the actions
 * without `to` are what a bidder may do in a state without changing it.
 */
export const orderLifecycle = defineLifecycle({
  noun: '订单',
  states: ORDER_STATUS_LABELS,
  initial: ['pending_payment'],
  actions: {
    pay: { label: '支付保费', from: ['pending_payment'] },
    editApplication: { label: '修改投保信息', from: ['pending_payment'] },
    receivePayment: { label: '登记收到的转账', from: ['pending_payment'], to: 'payment_review' },
    acceptPayment: { label: '支付审核通过', from: ['payment_review'], to: 'issued' },
    rejectPayment: { label: '支付审核不通过', from: ['payment_review'], to: 'cancelled' },
    expire: { label: '逾期取消', from: ['pending_payment'], to: 'cancelled' },
    abandon: { label: '放弃购买保函', from: ['pending_payment', 'cancelled'], to: 'abandoned' },
    applySurrender: { label: '申请退保', from: ['issued'], to: 'surrender_review' },
    approveSurrender: { label: '退保审核通过', from: ['surrender_review'], to: 'surrendered' },
    rejectSurrender: { label: '驳回退保', from: ['surrender_review'], to: 'issued' },
    /** A surrendered policy is no longer handed out. */
    downloadPolicy: { label: '下载保单', from: ['issued', 'surrender_review'] },
    /** Invoicing concerns a premium that was accepted: insured, and since then perhaps surrendered. */
    viewInvoicing: { label: '查看发票', from: ['issued', 'surrender_review', 'surrendered'] },
  },
  refusal(action, current) {
    if (action === 'editApplication') return `订单当前状态为「${ORDER_STATUS_LABELS[current]}」，投保信息已不能修改`;
    if (action === 'downloadPolicy' && current === 'surrendered') return '该保单已退保失效，不再提供下载';
    if (action === 'applySurrender') return `订单当前状态为「${ORDER_STATUS_LABELS[current]}」，只有投保成功的订单可以申请退保`;
    return undefined;
  },
});

export type OrderAction = (typeof orderLifecycle.actionNames)[number];

/** What the bidder's order page offers; the rest are the platform's and operators' moves. */
const BIDDER_ACTIONS = new Set<OrderAction>(['pay', 'editApplication', 'abandon', 'applySurrender', 'downloadPolicy', 'viewInvoicing']);

/** The actions the order's own bidder may take now: the order page renders its buttons from these. */
export function bidderOrderActions(status: OrderStatus): OrderAction[] {
  return actionsFrom(orderLifecycle, status).filter((action) => BIDDER_ACTIONS.has(action));
}

/** A transfer for an order in these states pays for a premium already paid (or being reviewed). */
export function isPaid(status: OrderStatus): boolean {
  return status === 'payment_review' || status === 'issued' || status === 'surrender_review' || status === 'surrendered';
}

/**
 * Paid, and the policy may still come: the payment is under review. (A cancelled order was paid too, but will
 * never be issued: its premium is refunded instead.)
 */
export function awaitsIssuance(status: OrderStatus): boolean {
  return status === 'payment_review';
}
