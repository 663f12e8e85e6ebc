import type { PaymentTicketsTable } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { mayWrite } from '@/lib/auth/authorize';
import { actionsFrom, defineLifecycle } from '@/lib/lifecycle/lifecycle';

export type PaymentTicketStatus = PaymentTicketsTable['status'];

export const PAYMENT_TICKET_STATUS_LABELS: Record<PaymentTicketStatus, string> = {
  open: '待处理',
  answered: '已处理',
};

/** 【支付遇到问题请点击】: a bidder's ticket is opened, and answered once by an operator of the order's region. */
export const paymentTicketLifecycle = defineLifecycle({
  noun: '支付问题',
  states: PAYMENT_TICKET_STATUS_LABELS,
  initial: ['open'],
  actions: {
    answer: { label: '提交处理结果', from: ['open'], to: 'answered' },
  },
  refusal: (action, current) => (action === 'answer' && current === 'answered' ? '该问题已由其他管理员处理' : undefined),
});

export type PaymentTicketAction = (typeof paymentTicketLifecycle.actionNames)[number];

/** A ticket the bidder reads the platform's answer on. */
export function isAnswered(status: PaymentTicketStatus): boolean {
  return status === 'answered';
}

/** What the reader may do to the ticket now: the region's operators and the platform answer it. */
export function paymentTicketActions(ticket: { status: PaymentTicketStatus; region_id: string | null }, actor: Actor): PaymentTicketAction[] {
  return mayWrite(actor, ticket.region_id) ? actionsFrom(paymentTicketLifecycle, ticket.status) : [];
}
