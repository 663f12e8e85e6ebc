import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { listRecords } from '@/lib/back-office/list-records';
import { backOfficeResource } from '@/lib/back-office/resource-registry';

/** One thing waiting for the operator: how many, and the filtered queue the tile links to. */
export interface QueueTile {
  key: string;
  label: string;
  count: number;
  resource: string;
  filter: Record<string, unknown>;
}

const QUEUES: Omit<QueueTile, 'count'>[] = [
  { key: 'transfers-unmatched', label: '待匹配的转账', resource: 'transfers', filter: { status: 'unmatched' } },
  { key: 'transfers-review', label: '待人工审核的转账', resource: 'transfers', filter: { status: 'review' } },
  { key: 'payment-review', label: '支付审核中的订单', resource: 'orders', filter: { status: 'payment_review' } },
  { key: 'tickets-open', label: '待处理的支付问题', resource: 'payment-tickets', filter: { status: 'open' } },
  { key: 'surrenders-submitted', label: '待审核的退保', resource: 'surrenders', filter: { status: 'submitted' } },
  { key: 'invoices-requested', label: '待开具的发票', resource: 'invoices', filter: { status: 'requested' } },
  { key: 'refunds-overdue', label: '逾期未退的退款', resource: 'refunds', filter: { overdue: true } },
];

/**
 * 工作台's queues. Each count is its queue's own list total, read the way the queue reads it (the reader's
 * region, the same filter), so a tile can never say a number its queue does not show.
 */
export async function dashboardQueues(db: Kysely<Database>, actor: Actor): Promise<QueueTile[]> {
  return Promise.all(
    QUEUES.map(async (queue) => {
      const resource = backOfficeResource(queue.resource);
      const page = await listRecords(db, actor, resource, {
        sort: { field: resource.defaultSort, order: 'asc' },
        offset: 0,
        limit: 1,
        filter: queue.filter,
      });
      return { ...queue, count: page.total };
    }),
  );
}
