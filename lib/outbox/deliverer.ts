import type { Kysely } from 'kysely';
import type { Database, OutboxKind } from '@/db/database';
import type { ClaimedOutboxMessage } from './claim-outbox-messages';

/** What an attempt that delivered says: the HTTP status, or the SMTP server's reply code. */
export interface DeliveryReceipt {
  responseCode: number | null;
}

/** An attempt the other side refused or did not answer; `responseCode` when it answered (HTTP 500, SMTP 550). */
export class DeliveryFailure extends Error {
  constructor(message: string, readonly responseCode: number | null = null) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}

export interface DeliveryContext {
  db: Kysely<Database>;
  /** Aborted when the attempt's time (ATTEMPT_TIMEOUT_MS) is up: a deliverer stops what it is doing. */
  signal: AbortSignal;
}

/** Delivers one message of its kind, once; throws (a DeliveryFailure when it can say more) when it did not. */
export type Deliverer = (message: ClaimedOutboxMessage, context: DeliveryContext) => Promise<DeliveryReceipt>;

export type Deliverers = Record<OutboxKind, Deliverer>;
