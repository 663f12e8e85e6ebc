import type { RefundsTable } from '@/db/database';

export type RefundStatus = RefundsTable['status'];

export const REFUND_STATUS_LABELS: Record<RefundStatus, string> = {
  pending: '待退款',
  refunded: '已退款',
};
