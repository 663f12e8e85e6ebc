import { sql, type Kysely } from 'kysely';

// One statement per string: PGlite's extended query protocol takes a single statement at a time.
const statements = [
  `create table rule_set_versions (
      id uuid primary key default gen_random_uuid(),
      rule_set_key text not null check (rule_set_key in ('surrender-eligibility', 'payment-source', 'invoice-type')),
      -- null is the platform baseline; a region's own versions override it for that region's decisions
      region_id text references regions (id),
      version integer not null check (version > 0),
      status text not null check (status in ('draft', 'published', 'archived')),
      document jsonb not null,
      note text not null default '',
      copied_from uuid references rule_set_versions (id),
      -- null author: the platform's shipped default, installed on first start
      created_by uuid references users (id),
      created_at timestamptz not null,
      updated_by uuid references users (id),
      updated_at timestamptz not null,
      published_by uuid references users (id),
      published_at timestamptz,
      publish_reason text,
      archived_at timestamptz,
      check (status = 'draft' or (published_at is not null and publish_reason is not null))
    )`,
  // Exactly one published version per rule set and region, whatever races: the database decides.
  `create unique index rule_set_versions_one_published
      on rule_set_versions (rule_set_key, coalesce(region_id, ''))
      where status = 'published'`,
  `create unique index rule_set_versions_number
      on rule_set_versions (rule_set_key, coalesce(region_id, ''), version)`,
  `create table rule_test_cases (
      id uuid primary key default gen_random_uuid(),
      rule_set_key text not null,
      name text not null,
      facts jsonb not null,
      expected jsonb not null,
      created_by uuid references users (id),
      created_at timestamptz not null,
      unique (rule_set_key, name)
    )`,
  `create table rule_decisions (
      id uuid primary key default gen_random_uuid(),
      rule_set_key text not null,
      region_id text references regions (id),
      version_id uuid not null references rule_set_versions (id),
      subject_type text not null,
      subject_id text not null,
      facts jsonb not null,
      outcome jsonb not null,
      fired_rules jsonb not null,
      rule_results jsonb not null,
      decided_at timestamptz not null
    )`,
  `create index rule_decisions_recent on rule_decisions (rule_set_key, region_id, decided_at desc)`,
  `create index rule_decisions_subject on rule_decisions (subject_type, subject_id)`,
  // A decision is evidence of what the rules said at the time: like the audit chain, it is never rewritten.
  `create function append_only_guard() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
    end
    $$`,
  `create trigger rule_decisions_append_only before update or delete on rule_decisions
      for each row execute function append_only_guard()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['rule_decisions', 'rule_test_cases', 'rule_set_versions']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`drop function append_only_guard()`.execute(db);
}
