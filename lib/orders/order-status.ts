import type { OrderStatus } from '@/db/database';

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: '待支付',
  payment_review: '支付审核中',
  issued: '投保成功',
  cancelled: '已取消',
  abandoned: '已放弃',
  surrender_review: '退保审核中',
  surrendered: '已退保',
};

/** The order lifecycle of DESIGN.md: every state change must be one of these edges. */
export const ALLOWED_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ['payment_review', 'cancelled', 'abandoned'],
  payment_review: ['issued', 'cancelled'],
  issued: ['surrender_review'],
  cancelled: ['abandoned'],
  abandoned: [],
  surrender_review: ['surrendered', 'issued'],
  surrendered: [],
};
