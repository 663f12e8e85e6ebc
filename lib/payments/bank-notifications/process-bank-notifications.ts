import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { failureText, retryBackoffMs } from '@/lib/jobs/retry-backoff';
import { TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { transition } from '@/lib/lifecycle/transition';
import { now } from '@/lib/time/clock';
import { parseInput } from '@/lib/validation/parse-input';
import { recordTransfer } from '../record-transfer';
import { transferNotificationSchema } from '../transfer-notification';
import { bankNotificationLifecycle } from './bank-notification-lifecycle';

/** How long a notification that failed to be recorded waits: 5 s, 15 s, 45 s, … at most 30 minutes. */
export function notificationRetryDelayMs(attempt: number): number {
  return retryBackoffMs(attempt, 5_000);
}

export type ProcessOutcome = 'recorded' | 'failed' | 'none';

/**
 * Records one due notification: the transfer is recorded and reconciled (order matched, payment-source
 * rules, insured or cancelled — record-transfer.ts) and the notification marked done (its lifecycle's
 * complete), all in one transaction, so a crash at any point leaves it pending and it is simply done
 * again. The row stays locked meanwhile; a concurrent processor (another instance, or this one's other
 * worker) skips it. The claim itself stays one FOR UPDATE SKIP LOCKED select, not a lifecycle step.
 */
export async function processNextBankNotification(db: Kysely<Database>): Promise<ProcessOutcome> {
  let taken: { id: string; attempts: number } | undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('bank_notifications')
        .select(['id', 'bank_code', 'body', 'attempts'])
        .where('status', '=', 'pending')
        .where('run_after', '<=', now())
        .orderBy('received_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return 'none';
      taken = row;
      const recorded = await recordTransfer(trx, row.bank_code, 'webhook', parseInput(transferNotificationSchema, JSON.parse(row.body)));
      const at = now();
      await transition(trx, 'bank_notifications', bankNotificationLifecycle, {
        id: row.id,
        action: 'complete',
        set: { processed_at: at, last_attempt_at: at, attempts: row.attempts + 1, transfer_id: recorded.transferId, last_error: null },
      });
      return 'recorded';
    });
  } catch (error) {
    if (!taken) throw error;
    console.error(`银行通知 ${taken.id} 入账失败（第 ${taken.attempts + 1} 次），稍后重试`, error);
    const attempt = taken.attempts + 1;
    const at = now();
    const failed = taken;
    await db
      .transaction()
      .execute((trx) =>
        transition(trx, 'bank_notifications', bankNotificationLifecycle, {
          id: failed.id,
          action: 'recordFailure',
          set: { attempts: attempt, last_attempt_at: at, last_error: failureText(error), run_after: new Date(at.getTime() + notificationRetryDelayMs(attempt)) },
        }),
      )
      // Recorded meanwhile by another processor: there is no failure left to write.
      .catch((refusal: unknown) => {
        if (!(refusal instanceof TransitionRefused)) throw refusal;
      });
    return 'failed';
  }
}

/** Works through the due notifications, `workers` at a time, until none is due; returns how many were recorded. */
export async function processDueBankNotifications(db: Kysely<Database>, options: { workers?: number; between?: () => Promise<void> } = {}): Promise<{ recorded: number; failed: number }> {
  const totals = { recorded: 0, failed: 0 };
  const worker = async () => {
    for (;;) {
      const outcome = await processNextBankNotification(db);
      if (outcome === 'none') return;
      totals[outcome] += 1;
      await options.between?.();
    }
  };
  await Promise.all(Array.from({ length: options.workers ?? 1 }, worker));
  return totals;
}
