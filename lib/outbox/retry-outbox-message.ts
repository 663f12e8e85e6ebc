import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { readableRegions, requireWriter } from '@/lib/auth/authorize';
import { loadForWrite } from '@/lib/back-office/load-for-write';
import { transition } from '@/lib/lifecycle/transition';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { RETRY_WINDOW_MS } from './outbox-backoff';
import { outboxMessageLifecycle } from './outbox-message-lifecycle';
import { outboxMessageResource, type OutboxMessageRecord } from './outbox-message-resource';
import { nudgeOutboxWorker } from './outbox-nudge';

const inputSchema = z.object({ reason: z.string().trim().max(500).optional() });

/**
 * 立即重试: a failing or failed message is tried at once instead of at its next scheduled attempt, and is
 * retried again for another 24 hours should that fail too. An operator of the message's region or the
 * platform may ask; the audit chain says who did. A delivery in progress keeps its lease: the message is
 * never sent twice at the same moment.
 */
export async function retryOutboxMessage(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown): Promise<OutboxMessageRecord> {
  requireWriter(actor);
  const id = parseInput(outboxMessageResource.idSchema, rawId);
  const { reason } = parseInput(inputSchema, input ?? {});
  const record = await writeTransaction(db, async (trx) => {
    const existing = await loadForWrite(trx, actor, outboxMessageResource, id);
    const at = now();
    await transition(trx, 'outbox_messages', outboxMessageLifecycle, {
      id: existing.id,
      action: 'retryNow',
      set: { next_attempt_at: at, give_up_at: new Date(at.getTime() + RETRY_WINDOW_MS) },
    });
    const row = (await outboxMessageResource.findById(trx, existing.id, readableRegions(actor)))!;
    const { attempt_log: _before, ...before } = existing as OutboxMessageRecord;
    const { attempt_log: _after, ...after } = row;
    await appendAuditEvent(trx, actor, {
      action: 'outbox_message.retry_now',
      entityType: 'outbox_message',
      entityId: row.id,
      regionId: row.region_id,
      before,
      after,
      reason: reason ?? null,
    });
    return row;
  });
  nudgeOutboxWorker();
  return record;
}
