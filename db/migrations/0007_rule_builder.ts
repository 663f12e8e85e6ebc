import { sql, type Kysely } from 'kysely';

// One statement per string: PGlite's extended query protocol takes a single statement at a time.
const statements = [
  // Value-only rule editing (drools-wb's "restricted" editor): values in conditions and outcome
  // parameters, never which rules and conditions exist.
  `alter table users add column can_edit_rule_values boolean not null default false`,
  // A region's own test cases: a region that changes a rule on purpose states the outcome it now
  // expects; a regional case with a baseline case's name takes that case's place for the region.
  `alter table rule_test_cases add column region_id text references regions (id)`,
  `alter table rule_test_cases add column updated_at timestamptz`,
  `alter table rule_test_cases add column updated_by uuid references users (id)`,
  `alter table rule_test_cases drop constraint rule_test_cases_rule_set_key_name_key`,
  `create unique index rule_test_cases_name on rule_test_cases (rule_set_key, coalesce(region_id, ''), name)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index rule_test_cases_name`.execute(db);
  await sql`delete from rule_test_cases where region_id is not null`.execute(db);
  await sql`alter table rule_test_cases add constraint rule_test_cases_rule_set_key_name_key unique (rule_set_key, name)`.execute(db);
  for (const column of ['region_id', 'updated_at', 'updated_by']) await sql`alter table rule_test_cases drop column ${sql.ref(column)}`.execute(db);
  await sql`alter table users drop column can_edit_rule_values`.execute(db);
}
