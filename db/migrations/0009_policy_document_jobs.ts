import { sql, type Kysely } from 'kysely';

// One statement per string: PGlite's extended query protocol takes a single statement at a time.
const statements = [
  // An order is insured, numbered and verifiable when its payment is accepted; its document is rendered
  // afterwards by a job, so until then there is no sealed document.
  `alter table policies alter column sealed_document drop not null`,
  `alter table policies add column document_ready_at timestamptz`,
  `update policies set document_ready_at = issued_at where sealed_document is not null`,
  // The durable job that renders and seals a policy: written in the transaction that issues the policy,
  // so it exists exactly when the order is insured. `document` is the policy as issued (what is printed),
  // so a later change to a project or an enterprise never changes a policy already issued.
  `create table policy_document_jobs (
      policy_id uuid primary key references policies (id),
      document jsonb not null,
      status text not null check (status in ('pending', 'done')),
      attempts integer not null default 0,
      run_after timestamptz not null,
      -- a job being rendered is leased, so a crashed renderer's job is taken up again when the lease ends
      locked_until timestamptz,
      last_error text,
      last_attempt_at timestamptz,
      created_at timestamptz not null,
      done_at timestamptz
    )`,
  `create index policy_document_jobs_due_idx on policy_document_jobs (run_after) where status = 'pending'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table policy_document_jobs`.execute(db);
  await sql`alter table policies drop column document_ready_at`.execute(db);
  await sql`alter table policies alter column sealed_document set not null`.execute(db);
}
