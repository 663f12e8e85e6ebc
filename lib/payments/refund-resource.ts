import { sql } from 'kysely';
import { z } from 'zod';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { filterIds, filterValue, runListQuery } from '@/lib/back-office/run-list-query';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';
import { requiredText } from '@/lib/validation/fields';

export interface RefundRecord {
  id: string;
  order_id: string;
  order_number: string;
  enterprise_name: string;
  amount_fen: number;
  reason: string;
  due_date: string;
  status: 'pending' | 'refunded';
  refunded_at: Date | null;
  bank_reference: string | null;
  created_at: Date;
  region_id: string;
  overdue: boolean;
}

function selectRefunds(db: Parameters<ResourceDefinition['findById']>[0]) {
  const today = sql<string>`(${now()}::timestamptz at time zone 'Asia/Shanghai')::date`;
  return db
    .selectFrom('refunds')
    .innerJoin('orders', 'orders.id', 'refunds.order_id')
    .innerJoin('enterprises', 'enterprises.id', 'orders.enterprise_id')
    .innerJoin('sections', 'sections.id', 'orders.section_id')
    .innerJoin('projects', 'projects.id', 'sections.project_id')
    .select([
      'refunds.id', 'refunds.order_id', 'orders.order_number', 'enterprises.name as enterprise_name', 'refunds.amount_fen',
      'refunds.reason', 'refunds.due_date', 'refunds.status', 'refunds.refunded_at', 'refunds.bank_reference',
      'refunds.created_at', 'projects.region_id',
    ])
    .select(sql<boolean>`refunds.status = 'pending' and refunds.due_date < ${today}`.as('overdue'));
}

const updateSchema = z.object({
  bank_reference: requiredText('退款银行流水号', 64),
  reason: z.string().trim().max(500).optional(),
});

/** 退款: premiums owed back to bidders, due within five working days; operators mark them refunded. */
export const refundResource: ResourceDefinition<RefundRecord, never, z.output<typeof updateSchema>> = {
  name: 'refunds',
  entityType: 'refund',
  label: '退款',
  idSchema: z.uuid({ error: '退款编号无效' }),
  defaultSort: 'due_date',

  list(db, scope, params) {
    let query = selectRefunds(db);
    if (scope !== null) query = query.where('projects.region_id', '=', scope);
    const ids = filterIds(params.filter);
    if (ids) query = query.where('refunds.id', 'in', ids.map(String));
    const status = filterValue(params.filter, 'status', 'string');
    if (status) query = query.where('refunds.status', '=', status as RefundRecord['status']);
    return runListQuery(query, params, { id: 'refunds.id', due_date: 'refunds.due_date', created_at: 'refunds.created_at', amount_fen: 'refunds.amount_fen' });
  },

  findById: (db, id) => selectRefunds(db).where('refunds.id', '=', String(id)).executeTakeFirst(),

  update: {
    schema: updateSchema,
    async apply(trx, existing, input) {
      const done = await trx
        .updateTable('refunds')
        .set({ status: 'refunded', refunded_at: now(), bank_reference: input.bank_reference })
        .where('id', '=', existing.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) throw new DomainError('CONFLICT', '该退款已标记为已退款');
      return (await selectRefunds(trx).where('refunds.id', '=', existing.id).executeTakeFirst())!;
    },
  },
};
