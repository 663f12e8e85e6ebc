import type { PaymentTicketKind } from '@/db/database';

/** The two choices of 【支付遇到问题请点击】, worded as the seed words them. */
export const PAYMENT_TICKET_KIND_LABELS: Record<PaymentTicketKind, string> = {
  paid_not_issued: '已支付，未出函',
  refund_request: '申请退费',
};

export const PAYMENT_TICKET_KIND_HINTS: Record<PaymentTicketKind, string> = {
  paid_not_issued: '已支付保费但尚未出具保函，仍希望通过本平台出具保函',
  refund_request: '已支付但未投保成功，或多次支付，申请退回保费或多付的款项',
};
