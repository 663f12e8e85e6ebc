import { sql, type Kysely } from 'kysely';

// One statement per string: PGlite's extended query protocol takes a single statement at a time.
const statements = [
  // A statement import is a job: the request checks the file and stores it here, and the app process
  // records it in batches, each batch committing its transfers with the job's progress and counts.
  `create table statement_imports (
      id uuid primary key default gen_random_uuid(),
      bank_code text not null,
      file_name text,
      sha256 text not null,
      encoding text not null,
      -- the importing operator's region; null for a platform administrator's import
      region_id text references regions (id),
      created_by uuid not null references users (id),
      actor_label text not null,
      status text not null check (status in ('running', 'done', 'failed')),
      total_lines integer not null,
      processed_lines integer not null default 0,
      imported integer not null default 0,
      already_imported integer not null default 0,
      matched integer not null default 0,
      unmatched integer not null default 0,
      duplicate integer not null default 0,
      review integer not null default 0,
      issued integer not null default 0,
      refunded integer not null default 0,
      -- the file as uploaded while the job needs it (any instance can resume from it); null once done
      file bytea,
      -- who is recording it now, and until when; a job whose lease ran out is resumed by the scheduled jobs
      lease_owner uuid,
      lease_until timestamptz,
      attempts integer not null default 0,
      error_code text,
      error_message text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      finished_at timestamptz,
      check (status <> 'running' or file is not null),
      check (processed_lines between 0 and total_lines)
    )`,
  `create index statement_imports_created_idx on statement_imports (created_at desc)`,
  // One running import per file and bank: a second upload of the same file waits for the first.
  `create unique index statement_imports_running_file_idx on statement_imports (bank_code, sha256) where status = 'running'`,
  // What happened to each line of the file, written in the batch that recorded it.
  `create table statement_import_lines (
      import_id uuid not null references statement_imports (id) on delete cascade,
      line integer not null,
      bank_txn_id text not null,
      amount_fen bigint not null,
      payer_name text not null,
      remark text not null,
      outcome text not null check (outcome in ('issued', 'review', 'refunded', 'duplicate', 'unmatched', 'already_imported')),
      transfer_id uuid references bank_transfers (id),
      order_id uuid references orders (id),
      -- the order's region once matched, else the import's: who may read the line
      region_id text references regions (id),
      primary key (import_id, line)
    )`,
  `create index statement_import_lines_outcome_idx on statement_import_lines (import_id, outcome, line)`,
  // Imports made before this migration live only in the audit chain: they become finished jobs (without
  // per-line results, which were never kept) so the history stays in one place.
  `insert into statement_imports (
      bank_code, file_name, sha256, encoding, region_id, created_by, actor_label, status, total_lines, processed_lines,
      imported, already_imported, matched, unmatched, duplicate, review, created_at, updated_at, finished_at)
    select after->>'bankCode', after->>'fileName', entity_id, coalesce(after->>'encoding', 'utf-8'), region_id, actor_id, actor_label,
      'done', (after->>'lines')::int, (after->>'lines')::int,
      coalesce((after->>'imported')::int, 0), coalesce((after->>'alreadyImported')::int, 0),
      coalesce((after->'byStatus'->>'matched')::int, 0), coalesce((after->'byStatus'->>'unmatched')::int, 0),
      coalesce((after->'byStatus'->>'duplicate')::int, 0), coalesce((after->'byStatus'->>'review')::int, 0),
      occurred_at, occurred_at, occurred_at
    from audit_events
    where action = 'bank_statement.import' and actor_id is not null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table statement_import_lines`.execute(db);
  await sql`drop table statement_imports`.execute(db);
}
