import { sql } from 'kysely';
import { z } from 'zod';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
import { dueDateIsProvisional } from '@/lib/calendar/calendar-coverage';
import { refundLifecycle } from './refund-lifecycle';
import { now } from '@/lib/time/clock';
import type { RefundStatus } from './refund-labels';
import { allowedRefundActions } from './refund-lifecycle';
import { markRefunded } from './mark-refunded';

export interface RefundRecord {
  id: string;
  /** Null for an unmatched transfer returned to its payer. */
  order_id: string | null;
  order_number: string | null;
  enterprise_name: string | null;
  amount_fen: number;
  reason: string;
  due_date: string;
  status: RefundStatus;
  refunded_at: Date | null;
  bank_reference: string | null;
  created_at: Date;
  region_id: string | null;
  /** Who is paid and where: the account given (a surrender, a ticket) or the transfer's payer. */
  payee_name: string | null;
  payee_bank: string | null;
  payee_account: string | null;
  overdue: boolean;
  /** Still pending, due in a year whose holidays the calendar does not hold yet: the date may move. */
  due_date_provisional: boolean;
}

const today = () => sql<string>`(${now()}::timestamptz at time zone 'Asia/Shanghai')::date`;

function selectRefunds(db: Parameters<ResourceDefinition['findById']>[0]) {
  return db
    .selectFrom('refunds')
    .leftJoin('orders', 'orders.id', 'refunds.order_id')
    .leftJoin('enterprises', 'enterprises.id', 'orders.enterprise_id')
    .leftJoin('sections', 'sections.id', 'orders.section_id')
    .leftJoin('projects', 'projects.id', 'sections.project_id')
    .leftJoin('bank_transfers', 'bank_transfers.id', 'refunds.transfer_id')
    .select([
      'refunds.id', 'refunds.order_id', 'orders.order_number', 'enterprises.name as enterprise_name', 'refunds.amount_fen',
      'refunds.reason', 'refunds.due_date', 'refunds.status', 'refunds.refunded_at', 'refunds.bank_reference',
      'refunds.created_at',
    ])
    .select((eb) => [
      eb.fn.coalesce('projects.region_id', 'bank_transfers.region_id').as('region_id'),
      eb.fn.coalesce('refunds.payee_name', 'bank_transfers.payer_name').as('payee_name'),
      eb.fn.coalesce('refunds.payee_bank', sql<string | null>`null`).as('payee_bank'),
      eb.fn.coalesce('refunds.payee_account', 'bank_transfers.payer_account').as('payee_account'),
    ])
    .select(sql<boolean>`refunds.status = 'pending' and refunds.due_date < ${today()}`.as('overdue'))
    .select(sql<boolean>`refunds.status = 'pending' and ${dueDateIsProvisional('refunds.due_date')}`.as('due_date_provisional'));
}

/**
 * 退款: premiums owed back to bidders, due within five working days. Read-only as a resource: operators
 * mark one refunded with the command 标记为已退款 (markRefunded, refund-lifecycle.ts).
 */
export const refundResource: ResourceDefinition<RefundRecord> = {
  name: 'refunds',
  entityType: 'refund',
  label: '退款',
  idSchema: z.uuid({ error: '退款编号无效' }),
  defaultSort: 'due_date',

  list: declaredList({
    from: selectRefunds,
    id: 'refunds.id',
    // A returned transfer nobody matched has no region: like other platform rows, every operator sees it.
    region: { column: sql<string | null>`coalesce(projects.region_id, bank_transfers.region_id)`, orPlatform: true },
    filters: {
      status: { column: 'refunds.status', values: refundLifecycle.stateNames },
      /** Still owed after its due date (the 工作台's 逾期退款 tile links here). */
      overdue: {
        type: 'boolean',
        where: (query, value) => query.where(sql<boolean>`(refunds.status = 'pending' and refunds.due_date < ${today()})`, '=', value === true),
      },
    },
    sortable: { id: 'refunds.id', due_date: 'refunds.due_date', created_at: 'refunds.created_at', amount_fen: 'refunds.amount_fen' },
  }),

  findById: (db, id) => selectRefunds(db).where('refunds.id', '=', String(id)).executeTakeFirst(),

  allowedActions: allowedRefundActions,

  commands: {
    markRefunded: { run: (db, actor, id, { body }) => markRefunded(db, actor, id, body) },
  },
};
