import { sql } from 'kysely';
import { z } from 'zod';

/**
 * A queue of background work that is retried when it fails (银行通知, 保单生成): 待处理 (not tried yet or
 * being done), 重试中 (failed, waiting for its next attempt), 已完成.
 */
export type RetryQueueState = 'pending' | 'retrying' | 'done';

/** The state of a row of `table`, which has `status` (pending|done) and `last_error`, for selects and filters. */
export function retryQueueStateSql(table: 'bank_notifications' | 'policy_document_jobs') {
  const status = sql.ref(`${table}.status`);
  const lastError = sql.ref(`${table}.last_error`);
  return sql<RetryQueueState>`case when ${status} = 'done' then 'done' when ${lastError} is not null then 'retrying' else 'pending' end`;
}

/** 立即重试: the only change an operator makes to a queued item, with an optional reason for the audit log. */
export const retryNowSchema = z.object({
  retry_now: z.literal(true, { error: '请确认立即重试' }),
  reason: z.string().trim().max(500).optional(),
});
