import { sql, type Kysely } from 'kysely';

// One statement per string: PGlite's extended query protocol takes a single statement at a time.
const statements = [
  // What bidders see of a project's changes; the audit chain keeps the full record for compliance.
  `create table project_events (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references projects (id),
      kind text not null check (kind in ('status', 'bid_opening')),
      from_value text not null,
      to_value text not null,
      reason text not null,
      actor_id uuid references users (id),
      occurred_at timestamptz not null
    )`,
  `create index project_events_project_idx on project_events (project_id, occurred_at)`,
  `create table surrenders (
      id uuid primary key default gen_random_uuid(),
      order_id uuid not null references orders (id),
      -- 'awaiting_account': eligible, but the refund account must still be given before operators review it
      status text not null check (status in ('awaiting_account', 'submitted', 'approved', 'rejected')),
      bidder_reason text not null check (bidder_reason in ('abandon_bid', 'project_anomaly')),
      note text not null default '',
      clause integer not null,
      refund_account_required boolean not null,
      account_name text,
      account_bank text,
      account_number text,
      decision_id uuid references rule_decisions (id),
      created_by uuid not null references users (id),
      created_at timestamptz not null,
      submitted_at timestamptz,
      reviewed_by uuid references users (id),
      reviewed_at timestamptz,
      review_reason text,
      refund_id uuid references refunds (id)
    )`,
  `create unique index surrenders_one_open_per_order on surrenders (order_id)
      where status in ('awaiting_account', 'submitted')`,
  `create index surrenders_status_idx on surrenders (status, created_at)`,
  `alter table refunds add column surrender_id uuid references surrenders (id)`,
  `create table documents (
      id uuid primary key default gen_random_uuid(),
      file_name text not null,
      content_type text not null,
      sha256 text not null,
      content bytea not null,
      uploaded_by uuid references users (id),
      uploaded_at timestamptz not null
    )`,
  `create table invoices (
      id uuid primary key default gen_random_uuid(),
      order_id uuid not null references orders (id),
      medium text not null check (medium in ('electronic', 'paper')),
      invoice_type text not null check (invoice_type in ('ordinary', 'special')),
      title text not null,
      tax_number text not null,
      -- a special VAT invoice names the buyer's registered address, phone, bank and account
      company_address text,
      company_phone text,
      company_bank text,
      company_account text,
      -- paper invoices are mailed
      recipient_name text,
      recipient_phone text,
      delivery_address text,
      status text not null check (status in ('requested', 'issued', 'voided')),
      decision_id uuid references rule_decisions (id),
      requested_by uuid not null references users (id),
      requested_at timestamptz not null,
      invoice_number text,
      document_id uuid references documents (id),
      carrier text,
      tracking_number text,
      issued_by uuid references users (id),
      issued_at timestamptz,
      void_reason text,
      voided_by uuid references users (id),
      voided_at timestamptz
    )`,
  // One invoice per order, unless an operator voided (红冲) it.
  `create unique index invoices_one_per_order on invoices (order_id) where status <> 'voided'`,
  `create index invoices_status_idx on invoices (status, requested_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table refunds drop column surrender_id`.execute(db);
  for (const table of ['invoices', 'documents', 'surrenders', 'project_events']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
