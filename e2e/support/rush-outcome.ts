import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database';

/** What the database says about a rush, read with SQL rather than through the product's own code. */
export interface RushOutcome {
  orders: number;
  ordersIssued: number;
  /** Notifications stored (one per bank transaction id), and those recorded as transfers. */
  notifications: number;
  notificationsDone: number;
  policies: number;
  ordersWithPolicy: number;
  transfers: number;
  distinctTransfers: number;
  transfersMatched: number;
  refunds: number;
  documentsReady: number;
  jobs: number;
  jobsDone: number;
  /** Jobs taken more than once: a lease that ran out (a renderer killed with them) or a failed render. */
  jobsTakenAgain: number;
}

export async function readRushOutcome(db: Kysely<Database>): Promise<RushOutcome> {
  const { rows } = await sql<RushOutcome>`
    select
      (select count(*)::int from orders) as "orders",
      (select count(*)::int from orders where status = 'issued') as "ordersIssued",
      (select count(*)::int from policies) as "policies",
      (select count(distinct order_id)::int from policies) as "ordersWithPolicy",
      (select count(*)::int from bank_transfers) as "transfers",
      (select count(distinct (bank_code, bank_txn_id))::int from bank_transfers) as "distinctTransfers",
      (select count(*)::int from bank_transfers where status = 'matched') as "transfersMatched",
      (select count(*)::int from refunds) as "refunds",
      (select count(*)::int from bank_notifications) as "notifications",
      (select count(*)::int from bank_notifications where status = 'done') as "notificationsDone",
      (select count(*)::int from policies where document_ready_at is not null and sealed_document is not null) as "documentsReady",
      (select count(*)::int from policy_document_jobs) as "jobs",
      (select count(*)::int from policy_document_jobs where status = 'done') as "jobsDone",
      (select count(*)::int from policy_document_jobs where attempts > 1) as "jobsTakenAgain"`.execute(db);
  return rows[0]!;
}

/**
 * Every one of `count` orders insured exactly once: issued, one policy each, each transfer recorded once
 * and matched, nothing refunded (a duplicate payment would be), every notification stored once and recorded. Returns what is wrong, empty when nothing.
 */
export function insuredExactlyOnceProblems(outcome: RushOutcome, count: number): string[] {
  const expected: [keyof RushOutcome, number][] = [
    ['orders', count],
    ['ordersIssued', count],
    ['policies', count],
    ['ordersWithPolicy', count],
    ['transfers', count],
    ['distinctTransfers', count],
    ['transfersMatched', count],
    ['refunds', 0],
    ['notifications', count],
    ['notificationsDone', count],
  ];
  return expected.filter(([key, value]) => outcome[key] !== value).map(([key, value]) => `${key} = ${outcome[key]}, expected ${value}`);
}

/** Polls until every policy's document is ready (and its job done), or the time is up; returns the last reading. */
export function waitForDocuments(db: Kysely<Database>, count: number, timeoutMs: number, pollMs = 100): Promise<RushOutcome> {
  return waitForOutcome(db, (outcome) => outcome.documentsReady >= count && outcome.jobsDone >= count, timeoutMs, pollMs);
}

/** Reads the outcome until `reached` says so, or the time is up (then the last reading). */
export async function waitForOutcome(db: Kysely<Database>, reached: (outcome: RushOutcome) => boolean, timeoutMs: number, pollMs = 100): Promise<RushOutcome> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outcome = await readRushOutcome(db);
    if (reached(outcome) || Date.now() >= deadline) return outcome;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
