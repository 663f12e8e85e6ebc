import type { Transaction } from 'kysely';
import type { Database, OutboxKind } from '@/db/database';
import { now } from '@/lib/time/clock';
import { RETRY_WINDOW_MS } from './outbox-backoff';
import { nudgeOutboxWorker } from './outbox-nudge';
import type { OutboxPayloads } from './outbox-payloads';

export interface OutboxMessageInput<K extends OutboxKind = OutboxKind> {
  kind: K;
  /** The e-mail address, or the callback's URL. */
  destination: string;
  /**
   * Messages of one key are delivered in the order they were written, a later one only once the earlier
   * ones are delivered: an order's mails (`mail:order:<id>`), a platform's callbacks about one order. Keep
   * kinds apart in their keys, so that a bouncing mail never holds back a trading platform's callback.
   */
  orderingKey: string | null;
  /** The back office's one line for it: the mail's subject, the callback's event. */
  summary: string;
  payload: OutboxPayloads[K];
  /** Whose operators see it in 推送记录 (the order's region). */
  regionId: string | null;
}

/**
 * Writes a message to the outbox in the caller's transaction — the transaction of the change it tells of —
 * so the message exists exactly when the change does: a rollback leaves neither, a commit both. The worker
 * (outbox-worker.ts) delivers it afterwards.
 */
export async function enqueue<K extends OutboxKind>(trx: Transaction<Database>, message: OutboxMessageInput<K>): Promise<string> {
  const at = now();
  const row = await trx
    .insertInto('outbox_messages')
    .values({
      kind: message.kind,
      destination: message.destination,
      ordering_key: message.orderingKey,
      summary: message.summary.slice(0, 300),
      payload: JSON.stringify(message.payload),
      region_id: message.regionId,
      next_attempt_at: at,
      give_up_at: new Date(at.getTime() + RETRY_WINDOW_MS),
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  nudgeOutboxWorker();
  return row.id;
}
