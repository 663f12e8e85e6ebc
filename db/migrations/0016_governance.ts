import { sql, type Kysely } from 'kysely';

// One statement per string: PGlite's extended query protocol takes a single statement at a time.
const statements = [
  // Four-eyes change control (四眼原则): a draft is submitted (待审核) and another person approves it, which
  // publishes it, or rejects it back to draft. A version in review has no publishing yet.
  ...['rule_set_versions', 'form_versions'].flatMap((table) => [
    `alter table ${table} drop constraint ${table}_status_check`,
    `alter table ${table} add constraint ${table}_status_check check (status in ('draft', 'in_review', 'scheduled', 'published', 'archived'))`,
    // Scheduled activation (生效时间): the moment a version takes effect; a version is in force from then
    // until the next version of its series takes effect. Null on older rows: they took effect when published.
    `alter table ${table} add column effective_from timestamptz`,
    `alter table ${table} add constraint ${table}_scheduled check (status <> 'scheduled' or effective_from is not null)`,
    `alter table ${table} add column submitted_by uuid references users (id)`,
    `alter table ${table} add column submitted_at timestamptz`,
    `alter table ${table} add column submit_reason text`,
    `alter table ${table} add constraint ${table}_submitted check (status <> 'in_review' or (submitted_by is not null and submitted_at is not null and submit_reason is not null))`,
  ]),
  `alter table rule_set_versions drop constraint rule_set_versions_check`,
  `alter table rule_set_versions add constraint rule_set_versions_check
      check (status in ('draft', 'in_review') or (published_at is not null and publish_reason is not null))`,
  `create unique index rule_set_versions_one_scheduled on rule_set_versions (rule_set_key, coalesce(region_id, '')) where status = 'scheduled'`,
  `create unique index form_versions_one_scheduled on form_versions (form_key, coalesce(region_id, '')) where status = 'scheduled'`,
  // A scheduled version decides from its time on: scheduling or withdrawing one changes what decides, so
  // the cache's generation (migration 0011) moves with it too.
  `drop trigger rule_set_versions_generation_insert on rule_set_versions`,
  `drop trigger rule_set_versions_generation_update on rule_set_versions`,
  `drop trigger rule_set_versions_generation_delete on rule_set_versions`,
  `create trigger rule_set_versions_generation_insert after insert on rule_set_versions
      for each row when (new.status in ('published', 'scheduled')) execute function bump_rule_cache_generation()`,
  `create trigger rule_set_versions_generation_update after update on rule_set_versions
      for each row when (old.status in ('published', 'scheduled') or new.status in ('published', 'scheduled')) execute function bump_rule_cache_generation()`,
  `create trigger rule_set_versions_generation_delete after delete on rule_set_versions
      for each row when (old.status in ('published', 'scheduled')) execute function bump_rule_cache_generation()`,
  // Every step of a version's review, in order: who submitted it and why, who approved or rejected it and
  // what they said, and an edit that took it back to draft. Never rewritten.
  `create table version_reviews (
      id bigint generated always as identity primary key,
      version_table text not null check (version_table in ('rule_set_versions', 'form_versions')),
      version_id uuid not null,
      step text not null check (step in ('submit', 'approve', 'reject', 'edit_returned')),
      actor_id uuid not null references users (id),
      comment text not null default '',
      at timestamptz not null
    )`,
  `create index version_reviews_version_idx on version_reviews (version_table, version_id, id)`,
  `create trigger version_reviews_append_only before update or delete on version_reviews
      for each row execute function append_only_guard()`,
  // Whether a scope's changes need a second person: 'baseline' (the platform's rules and forms) or a
  // region's id. No row is the default: approval required.
  `create table version_approval_settings (
      scope text primary key check (scope = 'baseline' or scope ~ '^\\d{6}$'),
      approval_required boolean not null,
      updated_by uuid references users (id),
      updated_at timestamptz not null
    )`,
  // Signed checkpoints of the audit chain's head (行号、哈希、时间): compliance keeps them outside the system,
  // and the chain verified against one shows rows cut from its end, which the chain alone cannot.
  `create table audit_checkpoints (
      id bigint generated always as identity primary key,
      chain_row_id bigint not null,
      chain_hash text not null,
      chain_rows bigint not null,
      taken_at timestamptz not null,
      public_key text not null,
      signature text not null
    )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_checkpoints', 'version_approval_settings', 'version_reviews']) await sql.raw(`drop table ${table}`).execute(db);
}
