import { z } from 'zod';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
import { answerPaymentTicket } from './answer-payment-ticket';
import { paymentTicketActions, paymentTicketLifecycle } from './payment-ticket-lifecycle';

function selectTickets(db: Parameters<ResourceDefinition['findById']>[0]) {
  return db
    .selectFrom('payment_tickets')
    .innerJoin('orders', 'orders.id', 'payment_tickets.order_id')
    .innerJoin('enterprises', 'enterprises.id', 'orders.enterprise_id')
    .innerJoin('sections', 'sections.id', 'orders.section_id')
    .innerJoin('projects', 'projects.id', 'sections.project_id')
    .leftJoin('users', 'users.id', 'payment_tickets.answered_by')
    .select([
      'payment_tickets.id', 'payment_tickets.order_id', 'orders.order_number', 'orders.status as order_status',
      'enterprises.name as enterprise_name', 'payment_tickets.kind', 'payment_tickets.message',
      'payment_tickets.refund_account_name', 'payment_tickets.refund_bank', 'payment_tickets.refund_account_number',
      'payment_tickets.status', 'payment_tickets.answer', 'payment_tickets.answered_at', 'users.display_name as answered_by_name',
      'payment_tickets.created_at', 'projects.region_id',
    ]);
}

/** 支付问题: the bidders' 【支付遇到问题请点击】 tickets of the region; an operator answers each once (the command answer). */
export const paymentTicketResource: ResourceDefinition<PaymentTicketRecord> = {
  name: 'payment-tickets',
  entityType: 'payment_ticket',
  label: '支付问题',
  idSchema: z.uuid({ error: '问题编号无效' }),
  defaultSort: 'created_at',

  list: declaredList({
    from: selectTickets,
    id: 'payment_tickets.id',
    region: { column: 'projects.region_id' },
    filters: { status: { column: 'payment_tickets.status', values: paymentTicketLifecycle.stateNames } },
    sortable: { id: 'payment_tickets.id', created_at: 'payment_tickets.created_at' },
  }),

  findById: (db, id) => selectTickets(db).where('payment_tickets.id', '=', String(id)).executeTakeFirst(),

  allowedActions: (record, actor) => paymentTicketActions(record, actor),

  commands: {
    answer: { run: (db, actor, id, { body }) => answerPaymentTicket(db, actor, id, body) },
  },
};

/** A ticket as the back office lists it: what `selectTickets` reads. */
export type PaymentTicketRecord = Awaited<ReturnType<ReturnType<typeof selectTickets>['executeTakeFirstOrThrow']>>;
