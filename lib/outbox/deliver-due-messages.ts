import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { failureText } from '@/lib/jobs/retry-backoff';
import { TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { transition } from '@/lib/lifecycle/transition';
import { now } from '@/lib/time/clock';
import { claimOutboxMessages, type ClaimedOutboxMessage } from './claim-outbox-messages';
import { DeliveryFailure, type DeliveryReceipt, type Deliverers } from './deliverer';
import { ATTEMPT_TIMEOUT_MS, DELIVERY_LEASE_MS, nextAttemptAt } from './outbox-backoff';
import { outboxMessageLifecycle } from './outbox-message-lifecycle';

export interface DeliveryRoundOptions {
  /** How each kind is delivered (default-deliverers.ts in the app; a test's own in tests). */
  deliverers: Deliverers;
  /** Messages taken in this round; they are delivered side by side (at most one of any ordering key). */
  limit?: number;
  leaseMs?: number;
  /** One attempt's time; tests shorten it. */
  timeoutMs?: number;
}

export interface DeliveryRoundResult {
  claimed: number;
  delivered: number;
  failed: number;
}

type Outcome = { delivered: true; receipt: DeliveryReceipt } | { delivered: false; responseCode: number | null; error: string };

/**
 * One round of the outbox worker: takes the due messages, delivers each once (within its timeout) and writes
 * the attempt's outcome — delivered, or failed with the response code or error and the next try, or, once
 * its 24 hours of retries are over, 投递失败. A worker that stops between the delivery and the writing leaves
 * the attempt open; the lease runs out and the message is delivered again (at least once, never lost).
 */
export async function deliverDueOutboxMessages(db: Kysely<Database>, options: DeliveryRoundOptions): Promise<DeliveryRoundResult> {
  const messages = await claimOutboxMessages(db, options.limit ?? 10, options.leaseMs ?? DELIVERY_LEASE_MS);
  const outcomes = await Promise.all(
    messages.map(async (message) => {
      const outcome = await attempt(db, message, options);
      await recordOutcome(db, message, outcome).catch((error) => console.error(`推送消息 ${message.id} 的投递结果未能记录，租约到期后将重新投递`, error));
      return outcome.delivered;
    }),
  );
  const delivered = outcomes.filter(Boolean).length;
  return { claimed: messages.length, delivered, failed: messages.length - delivered };
}

async function attempt(db: Kysely<Database>, message: ClaimedOutboxMessage, options: DeliveryRoundOptions): Promise<Outcome> {
  const timeoutMs = options.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new DeliveryFailure(`投递超时（${timeoutMs / 1000} 秒内未完成）`));
    }, timeoutMs);
  });
  try {
    const deliverer = options.deliverers[message.kind];
    const receipt = await Promise.race([deliverer(message, { db, signal: controller.signal }), timeout]);
    return { delivered: true, receipt };
  } catch (error) {
    return { delivered: false, responseCode: error instanceof DeliveryFailure ? error.responseCode : null, error: failureText(error) };
  } finally {
    clearTimeout(timer);
  }
}

async function recordOutcome(db: Kysely<Database>, message: ClaimedOutboxMessage, outcome: Outcome): Promise<void> {
  const at = now();
  const responseCode = outcome.delivered ? outcome.receipt.responseCode : outcome.responseCode;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('outbox_attempts')
      .set({ finished_at: at, outcome: outcome.delivered ? 'delivered' : 'failed', response_code: responseCode, error: outcome.delivered ? null : outcome.error })
      .where('message_id', '=', message.id)
      .where('attempt', '=', message.attempt)
      .execute();
    const current = await trx.selectFrom('outbox_messages').select('lease_token').where('id', '=', message.id).forNoKeyUpdate().executeTakeFirstOrThrow();
    // A lease that ran out belongs to the next attempt now: its outcome, not this one's, says what happens next.
    const stillOurs = current.lease_token === message.leaseToken;
    const release = stillOurs ? { locked_until: null, lease_token: null } : {};
    if (outcome.delivered) {
      await transition(trx, 'outbox_messages', outboxMessageLifecycle, {
        id: message.id,
        action: 'deliver',
        set: { delivered_at: at, last_response_code: responseCode, last_error: null, ...release },
      }).catch(ignoreRefusal);
      return;
    }
    if (!stillOurs) return;
    const next = nextAttemptAt(message.attempt, at, message.giveUpAt);
    await transition(trx, 'outbox_messages', outboxMessageLifecycle, {
      id: message.id,
      action: next ? 'recordFailure' : 'giveUp',
      set: { last_response_code: responseCode, last_error: outcome.error, ...(next ? { next_attempt_at: next } : {}), ...release },
    }).catch(ignoreRefusal);
  });
}

/** A message another attempt delivered meanwhile has nothing left to write. */
function ignoreRefusal(error: unknown): void {
  if (!(error instanceof TransitionRefused)) throw error;
}
