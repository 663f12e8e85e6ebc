import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, OutboxAttemptOutcome, OutboxKind, OutboxStatus } from '@/db/database';
import { declaredList } from '@/lib/back-office/declared-list';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { OUTBOX_STATE_LABELS, outboxMessageActions, type OutboxMessageState } from './outbox-message-lifecycle';
import { OUTBOX_KIND_LABELS } from './outbox-labels';
import { retryOutboxMessage } from './retry-outbox-message';

export interface OutboxAttemptRecord {
  attempt: number;
  started_at: Date;
  finished_at: Date | null;
  /** Null: the attempt's worker stopped before it could say (its lease ran out, another attempt followed). */
  outcome: OutboxAttemptOutcome | null;
  response_code: number | null;
  error: string | null;
}

export interface OutboxMessageRecord {
  id: string;
  sequence: number;
  kind: OutboxKind;
  destination: string;
  ordering_key: string | null;
  summary: string;
  status: OutboxStatus;
  state: OutboxMessageState;
  attempts: number;
  next_attempt_at: Date;
  give_up_at: Date;
  last_attempt_at: Date | null;
  last_response_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
  region_id: string | null;
  /** Every attempt, oldest first: in the record, not in the list. */
  attempt_log?: OutboxAttemptRecord[];
}

const stateSql = sql<OutboxMessageState>`case when outbox_messages.status = 'pending' and outbox_messages.last_error is not null then 'retrying' else outbox_messages.status end`;

function selectMessages(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('outbox_messages')
    .select([
      'id', 'sequence', 'kind', 'destination', 'ordering_key', 'summary', 'status', 'attempts', 'next_attempt_at', 'give_up_at', 'last_attempt_at',
      'last_response_code', 'last_error', 'delivered_at', 'created_at', 'region_id',
    ])
    .select(stateSql.as('state'));
}

async function findMessage(db: Kysely<Database> | Transaction<Database>, id: string): Promise<OutboxMessageRecord | undefined> {
  const message = await selectMessages(db).where('id', '=', id).executeTakeFirst();
  if (!message) return undefined;
  const attempts = await db
    .selectFrom('outbox_attempts')
    .select(['attempt', 'started_at', 'finished_at', 'outcome', 'response_code', 'error'])
    .where('message_id', '=', id)
    .orderBy('attempt')
    .execute();
  return { ...message, attempt_log: attempts };
}

/** 'open' is every message not delivered yet; otherwise one state. */
const STATE_FILTER = ['open', ...Object.keys(OUTBOX_STATE_LABELS)];

/**
 * 推送记录: every message of the outbox — e-mails and trading-platform callbacks — with its state, its attempts
 * (each with its response code or error) and its next try. Operators see their region's, compliance and the
 * platform every region's; 立即重试 (the command retryNow) has a failing or failed one tried at once.
 */
export const outboxMessageResource: ResourceDefinition<OutboxMessageRecord> = {
  name: 'outbox-messages',
  entityType: 'outbox_message',
  label: '推送记录',
  idSchema: z.uuid({ error: '推送记录编号无效' }),
  defaultSort: 'created_at',

  list: declaredList({
    from: selectMessages,
    id: 'outbox_messages.id',
    region: { column: 'outbox_messages.region_id' },
    filters: {
      state: {
        values: STATE_FILTER,
        where: (query, value) =>
          value === 'open' ? query.where('outbox_messages.status', '<>', 'delivered') : query.where(stateSql, '=', value as OutboxMessageState),
      },
      kind: { column: 'outbox_messages.kind', values: Object.keys(OUTBOX_KIND_LABELS) },
    },
    search: ['outbox_messages.destination', 'outbox_messages.summary', 'outbox_messages.ordering_key'],
    sortable: {
      id: 'outbox_messages.id',
      created_at: 'outbox_messages.created_at',
      sequence: 'outbox_messages.sequence',
      attempts: 'outbox_messages.attempts',
      next_attempt_at: 'outbox_messages.next_attempt_at',
      delivered_at: 'outbox_messages.delivered_at',
    },
  }),

  findById: (db, id) => findMessage(db, String(id)),

  allowedActions: (record, actor) => outboxMessageActions(record, actor),

  commands: {
    retryNow: { run: (db, actor, id, { body }) => retryOutboxMessage(db, actor, id, body) },
  },
};
