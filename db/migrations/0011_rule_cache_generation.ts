import { sql, type Kysely } from 'kysely';

// One statement per string: PGlite's extended query protocol takes a single statement at a time.
const statements = [
  // The generation of the set of published rule versions. Every change to it takes a new number from the
  // sequence, in the changing transaction; sequence numbers are never handed out twice, even when that
  // transaction rolls back, so one number names one state of the published versions (committed or not),
  // and a cached effective version tagged with it can never be mistaken for another state's.
  `create sequence rule_cache_generation_seq`,
  `create table rule_cache_generation (
      id integer primary key check (id = 1),
      generation bigint not null
    )`,
  `insert into rule_cache_generation (id, generation) values (1, nextval('rule_cache_generation_seq'))`,
  // Bumped by triggers rather than by the publishing code, so nothing that changes published versions
  // (a publish, a rollback, the baseline install, a direct UPDATE in a test or by hand) can forget it.
  // Immediate, row by row: a read inside the changing transaction already sees its own new number.
  // greatest(): committed numbers rise in commit order even if the sequence were ever set back.
  // The notification is delivered on commit only, in commit order; it tells each app instance's cache.
  `create function bump_rule_cache_generation() returns trigger language plpgsql as $$
    declare
      next_generation bigint;
    begin
      update rule_cache_generation
         set generation = greatest(generation + 1, nextval('rule_cache_generation_seq'))
       where id = 1
      returning generation into next_generation;
      perform pg_notify('rule_cache_generation', next_generation::text);
      return null;
    end
    $$`,
  `create trigger rule_set_versions_generation_insert after insert on rule_set_versions
      for each row when (new.status = 'published') execute function bump_rule_cache_generation()`,
  `create trigger rule_set_versions_generation_update after update on rule_set_versions
      for each row when (old.status = 'published' or new.status = 'published') execute function bump_rule_cache_generation()`,
  `create trigger rule_set_versions_generation_delete after delete on rule_set_versions
      for each row when (old.status = 'published') execute function bump_rule_cache_generation()`,
  `create trigger rule_set_versions_generation_truncate after truncate on rule_set_versions
      for each statement execute function bump_rule_cache_generation()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const op of ['insert', 'update', 'delete', 'truncate']) {
    await sql`drop trigger ${sql.raw(`rule_set_versions_generation_${op}`)} on rule_set_versions`.execute(db);
  }
  await sql`drop function bump_rule_cache_generation()`.execute(db);
  await sql`drop table rule_cache_generation`.execute(db);
  await sql`drop sequence rule_cache_generation_seq`.execute(db);
}
