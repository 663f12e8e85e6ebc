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
