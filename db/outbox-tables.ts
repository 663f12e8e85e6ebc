import type { ColumnType, Generated } from 'kysely';

/** A timestamptz column: read as Date, written as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

/** What an outbox message is: an e-mail, or a callback to a trading platform (its interface: docs/trading-platform-interface.md). */
export type OutboxKind = 'email' | 'platform_callback';
export type OutboxStatus = 'pending' | 'delivered' | 'failed';
export type OutboxAttemptOutcome = 'delivered' | 'failed';

/** A message to deliver (migration 0014, lib/outbox). */
export interface OutboxMessagesTable {
  id: Generated<string>;
  /** The order of messages of one ordering key. */
  sequence: Generated<number>;
  kind: OutboxKind;
  /** An e-mail address, or the URL a callback is posted to. */
  destination: string;
  /** Messages of one key are delivered one after the other, in sequence; null for a message of its own. */
  ordering_key: string | null;
  /** One line for the back office: the mail's subject, the callback's event. */
  summary: string;
  payload: Json;
  region_id: string | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  /** Retries stop here (24 h after it was written); after that only 立即重试 tries it again. */
  give_up_at: Timestamp;
  /** The worker that took the message has it until then; a worker that died lets it go this way. */
  locked_until: Timestamp | null;
  /** Which claim holds the lease: a worker whose lease ran out does not write over the next one's. */
  lease_token: string | null;
  last_attempt_at: Timestamp | null;
  last_response_code: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: Timestamp;
}

export interface OutboxAttemptsTable {
  id: Generated<number>;
  message_id: string;
  attempt: number;
  started_at: Timestamp;
  /** Null while the attempt runs, and for good when its worker stopped before it could say. */
  finished_at: Timestamp | null;
  outcome: OutboxAttemptOutcome | null;
  /** The HTTP status, or the SMTP server's reply code. */
  response_code: number | null;
  error: string | null;
}

/** An e-mail delivered to the local mailbox (no SMTP server configured). */
export interface MailboxMessagesTable {
  id: Generated<number>;
  outbox_message_id: string;
  from_address: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** [{ fileName, contentType, size }]: what was attached, not the bytes. */
  attachments: Json;
  region_id: string | null;
  delivered_at: Timestamp;
}

/** One timed job (lib/jobs/timed-jobs.ts) and its runs. */
export interface JobRunsTable {
  name: string;
  next_run_at: Timestamp;
  locked_until: Timestamp | null;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_error: string | null;
  runs: Generated<number>;
}
