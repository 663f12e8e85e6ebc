import { sql, type Kysely } from 'kysely';

// One statement per string: PGlite's extended query protocol takes a single statement at a time.
const statements = [
  `create table form_versions (
      id uuid primary key default gen_random_uuid(),
      form_key text not null check (form_key ~ '^[a-z][a-z0-9-]{1,39}$'),
      -- null is the platform's form; a region may publish its own version of a form for its products
      region_id text references regions (id),
      version integer not null check (version > 0),
      status text not null check (status in ('draft', 'published', 'archived')),
      -- json, not jsonb: the order of properties is the order of the fields on the form
      schema json not null,
      ui_schema json not null,
      note text not null default '',
      created_by uuid references users (id),
      created_at timestamptz not null,
      published_by uuid references users (id),
      published_at timestamptz,
      publish_reason text,
      updated_by uuid references users (id),
      updated_at timestamptz not null
    )`,
  `create unique index form_versions_number on form_versions (form_key, coalesce(region_id, ''), version)`,
  `create unique index form_versions_one_published on form_versions (form_key, coalesce(region_id, ''))
      where status = 'published'`,
  `alter table products add column form_key text not null default 'application'`,
  `create table orders (
      id uuid primary key default gen_random_uuid(),
      order_number text not null unique,
      -- what the bank transfer must carry; short, unique, no look-alike characters
      remark_code text not null unique,
      enterprise_id uuid not null references enterprises (id),
      section_id uuid not null references sections (id),
      product_id uuid not null references products (id),
      form_version_id uuid not null references form_versions (id),
      form_data jsonb not null,
      deposit_fen bigint not null check (deposit_fen > 0),
      premium_fen bigint not null check (premium_fen > 0),
      status text not null check (status in
        ('pending_payment', 'payment_review', 'issued', 'cancelled', 'abandoned', 'surrender_review', 'surrendered')),
      created_by uuid not null references users (id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`,
  // One live order per enterprise and section; an abandoned or surrendered one frees the section again.
  `create unique index orders_one_live_per_section on orders (enterprise_id, section_id)
      where status not in ('abandoned', 'surrendered')`,
  `create index orders_enterprise_idx on orders (enterprise_id, created_at desc)`,
  `create table order_events (
      id bigint generated always as identity primary key,
      order_id uuid not null references orders (id),
      from_status text,
      to_status text not null,
      actor_id uuid references users (id),
      reason text not null,
      decision_id uuid references rule_decisions (id),
      occurred_at timestamptz not null
    )`,
  `create index order_events_order_idx on order_events (order_id, id)`,
  `create trigger order_events_append_only before update or delete on order_events
      for each row execute function append_only_guard()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['order_events', 'orders', 'form_versions']) await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`alter table products drop column form_key`.execute(db);
}
