import { sql, type Kysely } from 'kysely';

// One statement per string: PGlite's extended query protocol takes a single statement at a time.
const statements = [
  // 'review': the payment-source rules asked for an operator's decision; the order waits in payment_review.
  `alter table bank_transfers drop constraint bank_transfers_status_check`,
  `alter table bank_transfers add constraint bank_transfers_status_check
      check (status in ('matched', 'unmatched', 'duplicate', 'returned', 'review'))`,
  // The region whose operators handle the transfer: the importing operator's for a statement line, the
  // order's once matched; null for a bank notification nobody has matched yet (every operator may see it).
  `alter table bank_transfers add column region_id text references regions (id)`,
  // Who settled a transfer by hand (matched it, marked it for return, approved or rejected it), and why.
  `alter table bank_transfers add column handled_by uuid references users (id)`,
  `alter table bank_transfers add column handled_at timestamptz`,
  `alter table bank_transfers add column handling_note text`,
  // A transfer nobody can match is returned to its payer: that refund has no order.
  `alter table refunds alter column order_id drop not null`,
  `alter table refunds add constraint refunds_has_subject check (order_id is not null or transfer_id is not null)`,
  // Where the money goes: null means back the way it came (the payer's account on the transfer).
  `alter table refunds add column payee_name text`,
  `alter table refunds add column payee_bank text`,
  `alter table refunds add column payee_account text`,
  `create index refunds_order_idx on refunds (order_id)`,
  `create table payment_tickets (
      id uuid primary key default gen_random_uuid(),
      order_id uuid not null references orders (id),
      kind text not null check (kind in ('paid_not_issued', 'refund_request')),
      message text not null,
      refund_account_name text,
      refund_bank text,
      refund_account_number text,
      status text not null check (status in ('open', 'answered')),
      answer text,
      answered_by uuid references users (id),
      answered_at timestamptz,
      created_by uuid not null references users (id),
      created_at timestamptz not null
    )`,
  `create index payment_tickets_order_idx on payment_tickets (order_id, created_at desc)`,
  `create index payment_tickets_open_idx on payment_tickets (status, created_at)`,
  // Each section's policies are sealed with their own key until bid opening; only the wrapped key is stored.
  `create table section_keys (
      section_id uuid primary key references sections (id),
      wrapped_key text not null,
      created_at timestamptz not null
    )`,
  `create table policies (
      id uuid primary key default gen_random_uuid(),
      order_id uuid not null unique references orders (id),
      policy_number text not null unique,
      verification_code text not null,
      issued_at timestamptz not null,
      period_start timestamptz not null,
      period_end timestamptz not null,
      -- the PDF as issued, sealed with the section's key (AES-256-GCM); plaintext is never stored
      sealed_document bytea not null
    )`,
  // Fixed-window counters shared by every app instance (the public verification page is rate-limited).
  `create table rate_limit_windows (
      bucket text not null,
      window_start timestamptz not null,
      hits integer not null,
      primary key (bucket, window_start)
    )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['rate_limit_windows', 'policies', 'section_keys', 'payment_tickets']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
