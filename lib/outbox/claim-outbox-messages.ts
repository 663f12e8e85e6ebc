import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, OutboxKind } from '@/db/database';
import { now } from '@/lib/time/clock';

export interface ClaimedOutboxMessage {
  id: string;
  kind: OutboxKind;
  destination: string;
  payload: unknown;
  regionId: string | null;
  /** This attempt's number, from 1. */
  attempt: number;
  /** The claim's own token: the outcome is written only while the lease is still this claim's. */
  leaseToken: string;
  giveUpAt: Date;
}

/**
 * Takes up to `limit` due messages for `leaseMs` and opens an attempt for each, in one transaction. Rows
 * another worker is claiming right now are skipped, not waited for (FOR UPDATE SKIP LOCKED), and a row
 * claimed before is not due again until its lease runs out, so two workers never hold one message at once.
 * A message is due only when no earlier message of its ordering key is undelivered: the key's messages go
 * out one after the other, in the order they were written.
 */
export async function claimOutboxMessages(db: Kysely<Database>, limit: number, leaseMs: number): Promise<ClaimedOutboxMessage[]> {
  const at = now();
  const leaseToken = randomUUID();
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('outbox_messages')
      .set((eb) => ({
        locked_until: new Date(at.getTime() + leaseMs),
        lease_token: leaseToken,
        attempts: eb('attempts', '+', 1),
        last_attempt_at: at,
      }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('outbox_messages as m')
          .select('m.id')
          .where('m.status', '=', 'pending')
          .where('m.next_attempt_at', '<=', at)
          .where((w) => w.or([w('m.locked_until', 'is', null), w('m.locked_until', '<=', at)]))
          .where((w) =>
            w.or([
              w('m.ordering_key', 'is', null),
              w.not(
                w.exists(
                  w
                    .selectFrom('outbox_messages as earlier')
                    .select(sql.lit(1).as('one'))
                    .whereRef('earlier.ordering_key', '=', 'm.ordering_key')
                    .whereRef('earlier.sequence', '<', 'm.sequence')
                    .where('earlier.status', '<>', 'delivered'),
                ),
              ),
            ]),
          )
          .orderBy('m.sequence')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returning(['id', 'kind', 'destination', 'payload', 'region_id', 'attempts', 'give_up_at'])
      .execute();
    if (rows.length > 0) {
      await trx
        .insertInto('outbox_attempts')
        .values(rows.map((row) => ({ message_id: row.id, attempt: row.attempts, started_at: at })))
        .execute();
    }
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      destination: row.destination,
      payload: row.payload,
      regionId: row.region_id,
      attempt: row.attempts,
      leaseToken,
      giveUpAt: row.give_up_at,
    }));
  });
}
