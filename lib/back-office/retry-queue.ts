import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { readableRegions, requireWriter } from '@/lib/auth/authorize';
import { canTake, defineLifecycle } from '@/lib/lifecycle/lifecycle';
import { transition } from '@/lib/lifecycle/transition';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import type { FilterDeclaration } from './declared-list';
import { loadForWrite } from './load-for-write';
import type { RegionalRecord, ResourceCommand, ResourceDefinition } from './resource-definition';

/**
 * A queue of background work that is retried when it fails (银行通知, 保单生成): 待处理 (not tried yet or
 * being done), 重试中 (failed, waiting for its next attempt), 已完成.
 */
export type RetryQueueState = 'pending' | 'retrying' | 'done';

/** The status column of a queued item: 重试中 is a pending item whose last attempt failed. */
export type RetryQueueStatus = 'pending' | 'done';

export type RetryQueueTable = 'bank_notifications' | 'policy_document_jobs';

/** The state of a row of `table`, which has `status` (pending|done) and `last_error`, for selects and filters. */
export function retryQueueStateSql(table: RetryQueueTable) {
  const status = sql.ref(`${table}.status`);
  const lastError = sql.ref(`${table}.last_error`);
  return sql<RetryQueueState>`case when ${status} = 'done' then 'done' when ${lastError} is not null then 'retrying' else 'pending' end`;
}

/** The list's state filter: 'open' is everything not done yet, otherwise one state. */
export function retryQueueStateFilter<Row>(table: RetryQueueTable): FilterDeclaration<Row> {
  return {
    values: ['open', 'pending', 'retrying', 'done'],
    where: (query, state) =>
      state === 'open' ? query.where(sql.ref(`${table}.status`), '=', 'pending') : query.where(retryQueueStateSql(table), '=', state as RetryQueueState),
  };
}

/**
 * The lifecycle every retry queue shares: an item is done once (`complete`); until then a failed attempt
 * is written on it (`recordFailure`) and an operator may have it tried at once (`retryNow`), neither of
 * which changes its status.
 */
export function defineRetryQueueLifecycle(options: {
  noun: string;
  states: Record<RetryQueueStatus, string>;
  /** The verb of `complete`: 入账, 生成保单文件. */
  complete: string;
  /** The refusal of 立即重试 for an item already done. */
  alreadyDone: string;
}) {
  return defineLifecycle({
    noun: options.noun,
    states: options.states,
    initial: ['pending'],
    actions: {
      complete: { label: options.complete, from: ['pending'], to: 'done' },
      recordFailure: { label: '记录失败原因', from: ['pending'] },
      retryNow: { label: '立即重试', from: ['pending'] },
    },
    refusal: (action, current) => (action === 'retryNow' && current === 'done' ? options.alreadyDone : undefined),
  });
}

export type RetryQueueLifecycle = ReturnType<typeof defineRetryQueueLifecycle>;
export type RetryQueueAction = RetryQueueLifecycle['actionNames'][number];

/**
 * What the back office offers on a queued item: 立即重试 for one that is failing (a pending item not tried
 * yet is due anyway), to a reader who may write it.
 */
export function retryQueueActions(
  lifecycle: RetryQueueLifecycle,
  item: { status: RetryQueueStatus; state: RetryQueueState },
  mayWriteIt: boolean,
): RetryQueueAction[] {
  return mayWriteIt && item.state === 'retrying' && canTake(lifecycle, 'retryNow', item.status) ? ['retryNow'] : [];
}

/** 立即重试's body: an optional reason for the audit log. */
export const retryNowSchema = z.object({
  reason: z.string().trim().max(500).optional(),
});

/**
 * The command retryNow (立即重试): a failing item is tried at once instead of at its next scheduled attempt,
 * and the audit log says who asked (as the update it used to be: `<entity>.update`). `key` is the table's
 * key column when it is not `id`; `resource` is a function because the resource holds this command.
 */
export function retryNowCommand<Row extends RegionalRecord>(options: {
  resource: () => ResourceDefinition<Row>;
  table: RetryQueueTable;
  key?: string;
  lifecycle: RetryQueueLifecycle;
}): ResourceCommand<Row> {
  return {
    async run(db: Kysely<Database>, actor: Actor, rawId: string, { body }) {
      const resource = options.resource();
      requireWriter(actor);
      const id = parseInput(resource.idSchema, rawId);
      const { reason } = parseInput(retryNowSchema, body ?? {});
      return writeTransaction(db, async (trx) => {
        const existing = await loadForWrite(trx, actor, resource, id);
        await transition(trx, options.table, options.lifecycle, { id: existing.id, key: options.key, action: 'retryNow', set: { run_after: now() } });
        const row = (await resource.findById(trx, existing.id, readableRegions(actor)))!;
        await appendAuditEvent(trx, actor, {
          action: `${resource.entityType}.update`,
          entityType: resource.entityType,
          entityId: String(row.id),
          regionId: existing.region_id,
          before: existing,
          after: row,
          reason: reason ?? null,
        });
        return row;
      });
    },
  };
}
