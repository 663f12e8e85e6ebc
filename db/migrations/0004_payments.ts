import { sql, type Kysely } from 'kysely';

// One statement per string: PGlite's extended query protocol takes a single statement at a time.
const statements = [
  `create table bank_transfers (
      id uuid primary key default gen_random_uuid(),
      -- the bank (or statement) the transfer was reported by, and that bank's own transaction id:
      -- together they make a report idempotent, however often it arrives
      bank_code text not null,
      bank_txn_id text not null,
      source text not null check (source in ('webhook', 'statement')),
      amount_fen bigint not null check (amount_fen > 0),
      payer_name text not null,
      payer_account text not null,
      payer_kind text not null check (payer_kind in ('enterprise', 'personal')),
      remark text not null,
      bank_time timestamptz not null,
      received_at timestamptz not null,
      status text not null check (status in ('matched', 'unmatched', 'duplicate', 'returned')),
      order_id uuid references orders (id),
      decision_id uuid references rule_decisions (id),
      unique (bank_code, bank_txn_id)
    )`,
  `create index bank_transfers_order_idx on bank_transfers (order_id)`,
  `create index bank_transfers_status_idx on bank_transfers (status, received_at desc)`,
  `create table refunds (
      id uuid primary key default gen_random_uuid(),
      order_id uuid not null references orders (id),
      transfer_id uuid references bank_transfers (id),
      amount_fen bigint not null check (amount_fen > 0),
      reason text not null,
      -- refunds are promised within working days; the due date is fixed when the refund is created
      due_date date not null,
      status text not null check (status in ('pending', 'refunded')),
      refunded_at timestamptz,
      bank_reference text,
      created_at timestamptz not null
    )`,
  `create index refunds_pending_idx on refunds (status, due_date)`,
  `create table calendar_days (
      day date primary key,
      is_working_day boolean not null,
      note text not null default ''
    )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['refunds', 'bank_transfers', 'calendar_days']) await sql`drop table ${sql.table(table)}`.execute(db);
}
