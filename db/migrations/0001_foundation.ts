import { sql, type Kysely } from 'kysely';

// One statement per string: PGlite's extended query protocol takes a single statement at a time.
// Raw DDL on purpose: it is the schema as a PostgreSQL reader expects to see it, and every statement
// here must run unchanged on PostgreSQL 15 (server) and PGlite (PostgreSQL 18).
const statements = [
  `create table regions (
      id text primary key,
      name text not null unique
    )`,
  `create table enterprises (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      uscc text not null unique,
      legal_representative text not null,
      contact_name text not null,
      contact_phone text not null,
      email text not null,
      basic_account_bank text not null,
      basic_account_name text not null,
      basic_account_number text not null,
      created_at timestamptz not null default now()
    )`,
  `create table users (
      id uuid primary key default gen_random_uuid(),
      phone text not null unique,
      display_name text not null,
      password_hash text not null,
      role text not null check (role in ('bidder', 'operator', 'compliance', 'platform_admin')),
      region_id text references regions (id),
      enterprise_id uuid references enterprises (id),
      can_edit_rules boolean not null default false,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      check (role <> 'bidder' or enterprise_id is not null),
      check (role <> 'operator' or region_id is not null)
    )`,
  `create table insurers (
      id uuid primary key default gen_random_uuid(),
      region_id text not null references regions (id),
      name text not null,
      receiving_account_name text not null,
      receiving_account_bank text not null,
      receiving_account_number text not null,
      contact_phone text not null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (region_id, name)
    )`,
  `create table products (
      id uuid primary key default gen_random_uuid(),
      insurer_id uuid not null references insurers (id),
      name text not null,
      rate_bp integer not null check (rate_bp > 0 and rate_bp <= 10000),
      min_premium_fen bigint not null check (min_premium_fen >= 0),
      project_types text[] not null
        check (cardinality(project_types) > 0 and project_types <@ array['construction', 'procurement']),
      notice text not null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (insurer_id, name)
    )`,
  `create index products_insurer_idx on products (insurer_id)`,
  `create table projects (
      id uuid primary key default gen_random_uuid(),
      region_id text not null references regions (id),
      code text not null unique,
      name text not null,
      type text not null check (type in ('construction', 'procurement')),
      tenderer text not null,
      status text not null default 'normal'
        check (status in ('normal', 'suspended', 'paused', 'failed', 'terminated')),
      deposit_deadline timestamptz not null,
      bid_opening_at timestamptz not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (deposit_deadline <= bid_opening_at)
    )`,
  `create index projects_region_idx on projects (region_id)`,
  `create table sections (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references projects (id),
      code text not null,
      name text not null,
      deposit_fen bigint not null check (deposit_fen > 0),
      created_at timestamptz not null default now(),
      unique (project_id, code)
    )`,
  `create table audit_events (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null,
      actor_id uuid,
      actor_label text not null,
      actor_role text not null,
      action text not null,
      entity_type text not null,
      entity_id text not null,
      region_id text,
      before jsonb,
      after jsonb,
      reason text,
      prev_hash text,
      hash text not null unique
    )`,
  `create index audit_events_entity_idx on audit_events (entity_type, entity_id)`,
  `create index audit_events_region_idx on audit_events (region_id)`,
  // The audit log is append-only: the database itself refuses to change or remove history,
  // whatever the application does.
  `create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'P0001';
    end
    $$`,
  `create trigger audit_events_no_update_delete before update or delete on audit_events
      for each row execute function audit_events_append_only()`,
  `create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = ['audit_events', 'sections', 'projects', 'products', 'insurers', 'users', 'enterprises', 'regions'];
  for (const table of tables) await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`drop function audit_events_append_only()`.execute(db);
}
