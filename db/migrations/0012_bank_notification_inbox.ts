import { sql, type Kysely } from 'kysely';

// One statement per string: PGlite's extended query protocol takes a single statement at a time.
const statements = [
  // A bank's signed notification is acknowledged once it is stored here (one insert), and recorded and
  // reconciled afterwards by the processor: under a deadline rush the bank hears back in milliseconds,
  // whatever reconciling and insuring cost. A bank's transaction id is stored once however often the bank
  // sends it, so its retries add nothing; `body` and `signature` are kept as received, so the notification
  // can be verified again later.
  `create table bank_notifications (
      id uuid primary key default gen_random_uuid(),
      bank_code text not null,
      transaction_id text not null,
      body text not null,
      signature text not null,
      signed_at timestamptz not null,
      received_at timestamptz not null,
      status text not null check (status in ('pending', 'done')),
      attempts integer not null default 0,
      run_after timestamptz not null,
      last_error text,
      last_attempt_at timestamptz,
      processed_at timestamptz,
      transfer_id uuid references bank_transfers (id),
      unique (bank_code, transaction_id)
    )`,
  `create index bank_notifications_due_idx on bank_notifications (run_after) where status = 'pending'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table bank_notifications`.execute(db);
}
