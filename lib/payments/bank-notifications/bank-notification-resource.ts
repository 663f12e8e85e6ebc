import { sql } from 'kysely';
import { z } from 'zod';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { retryNowCommand, retryQueueStateFilter, retryQueueStateSql, type RetryQueueState, type RetryQueueStatus } from '@/lib/back-office/retry-queue';
import { declaredList } from '@/lib/back-office/declared-list';
import { bankNotificationActions, bankNotificationLifecycle } from './bank-notification-lifecycle';

/** 待入账 (received, not recorded yet), 重试中 (recording failed, waiting for its next attempt), 已入账. */
export type BankNotificationState = RetryQueueState;

export interface BankNotificationRecord {
  id: string;
  bank_code: string;
  transaction_id: string;
  status: RetryQueueStatus;
  state: BankNotificationState;
  attempts: number;
  last_error: string | null;
  last_attempt_at: Date | null;
  received_at: Date;
  run_after: Date;
  processed_at: Date | null;
  transfer_id: string | null;
  /** A notification belongs to no region until its transfer is matched to an order: every operator sees the queue. */
  region_id: null;
}

const stateSql = retryQueueStateSql('bank_notifications');

function selectNotifications(db: Parameters<ResourceDefinition['findById']>[0]) {
  return db
    .selectFrom('bank_notifications')
    .select([
      'id', 'bank_code', 'transaction_id', 'status', 'attempts', 'last_error', 'last_attempt_at', 'received_at', 'run_after', 'processed_at', 'transfer_id',
      sql<null>`null`.as('region_id'),
    ])
    .select(stateSql.as('state'));
}

/**
 * 银行通知: the banks' signed notifications as received. Each was acknowledged to its bank once stored and
 * is recorded as a transfer moments later; operators see the ones not recorded yet, and why one keeps
 * failing, and may have it tried again now instead of at its next scheduled attempt (the command retryNow).
 */
export const bankNotificationResource: ResourceDefinition<BankNotificationRecord> = {
  name: 'bank-notifications',
  entityType: 'bank_notification',
  label: '银行通知',
  idSchema: z.uuid({ error: '通知编号无效' }),
  defaultSort: 'received_at',
  nationwide: true,

  list: declaredList({
    from: selectNotifications,
    id: 'id',
    // A notification belongs to no region until it is matched: every operator sees the queue.
    region: 'everyone',
    filters: { state: retryQueueStateFilter('bank_notifications') },
    search: ['transaction_id'],
    sortable: { id: 'id', received_at: 'received_at', attempts: 'attempts', run_after: 'run_after' },
  }),

  findById: (db, id) => selectNotifications(db).where('id', '=', String(id)).executeTakeFirst(),

  allowedActions: (record, actor) => bankNotificationActions(record, actor),

  commands: {
    retryNow: retryNowCommand({ resource: () => bankNotificationResource, table: 'bank_notifications', lifecycle: bankNotificationLifecycle }),
  },
};
