import { sql, type Kysely } from 'kysely';

// One statement per string: PGlite's extended query protocol takes a single statement at a time.
const statements = [
  // What the platform owes the systems and people around it (an e-mail, a trading platform's callback),
  // written in the transaction of the change that causes it and delivered afterwards by the outbox worker
  // (lib/outbox): at least once, in `sequence` order per `ordering_key`. A message names what to send by
  // reference (an attachment's document, not its bytes), so the row stays small whatever it carries.
  `create table outbox_messages (
      id uuid primary key default gen_random_uuid(),
      sequence bigint generated always as identity unique,
      kind text not null check (kind in ('email', 'platform_callback')),
      destination text not null,
      ordering_key text,
      summary text not null,
      payload jsonb not null,
      region_id text references regions (id),
      status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      give_up_at timestamptz not null,
      locked_until timestamptz,
      lease_token uuid,
      last_attempt_at timestamptz,
      last_response_code integer,
      last_error text,
      delivered_at timestamptz,
      created_at timestamptz not null
    )`,
  `create index outbox_messages_due_idx on outbox_messages (next_attempt_at) where status = 'pending'`,
  // The earlier undelivered message of a key is looked up for every candidate.
  `create index outbox_messages_key_idx on outbox_messages (ordering_key, sequence) where status <> 'delivered'`,
  `create index outbox_messages_region_idx on outbox_messages (region_id, created_at)`,
  // Every attempt, as it started and how it ended: an attempt without an outcome is one whose worker
  // stopped (a crash, a deploy) before it could say; its lease ran out and another attempt followed.
  `create table outbox_attempts (
      id bigint generated always as identity primary key,
      message_id uuid not null references outbox_messages (id),
      attempt integer not null,
      started_at timestamptz not null,
      finished_at timestamptz,
      outcome text check (outcome in ('delivered', 'failed')),
      response_code integer,
      error text,
      unique (message_id, attempt)
    )`,
  // The local mailbox: with no SMTP server configured (the embedded default) an e-mail is delivered here,
  // readable by platform administrators in /admin → 邮件. Once per message however often it is delivered.
  `create table mailbox_messages (
      id bigint generated always as identity primary key,
      outbox_message_id uuid not null unique references outbox_messages (id),
      from_address text not null,
      to_address text not null,
      subject text not null,
      text_body text not null,
      html_body text not null,
      attachments jsonb not null,
      region_id text references regions (id),
      delivered_at timestamptz not null
    )`,
  // Timed jobs (the deadline sweep, …): one row per job. A run is claimed with SKIP LOCKED and a lease, so
  // of many instances one runs a job at a time, and a job whose instance died is taken up after its lease.
  `create table job_runs (
      name text primary key,
      next_run_at timestamptz not null,
      locked_until timestamptz,
      last_started_at timestamptz,
      last_finished_at timestamptz,
      last_error text,
      runs integer not null default 0
    )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['job_runs', 'mailbox_messages', 'outbox_attempts', 'outbox_messages']) await sql.raw(`drop table ${table}`).execute(db);
}
