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

/** What the bidder is told under the status, where the label alone leaves them wondering what happens next. */
export const ORDER_STATUS_NOTES: Partial<Record<OrderStatus, string>> = {
  payment_review: '平台已收到您的转账，运营人员正在人工审核付款信息。审核通过后订单变为「投保成功」并出具保单；未通过的，订单取消并退还保费。',
};
