import { sql, type Kysely } from 'kysely';

// One statement per string: PGlite's extended query protocol takes a single statement at a time.
const statements = [
  // Regions form the administrative tree (自治区 → 地级市 → 区县); one is retired, never deleted, once used.
  `alter table regions add column parent_id text references regions (id)`,
  `alter table regions add column active boolean not null default true`,
  // An account whose password someone else set (created, reset) must choose its own at its next sign-in.
  `alter table users add column must_change_password boolean not null default false`,
  `alter table users add column last_signed_in_at timestamptz`,
  // An enterprise registers into a region; that region's operators review it (企业认证审核). The demo's and
  // every existing enterprise count as reviewed. The person who registered it approves later members.
  `alter table enterprises add column region_id text references regions (id)`,
  `alter table enterprises add column status text not null default 'verified'
      check (status in ('pending_review', 'verified', 'rejected'))`,
  `alter table enterprises add column review_reason text`,
  `alter table enterprises add column reviewed_by uuid references users (id)`,
  `alter table enterprises add column reviewed_at timestamptz`,
  `alter table enterprises add column registered_by uuid references users (id)`,
  `create index enterprises_region_status_idx on enterprises (region_id, status)`,
  // A second registration for an enterprise already on the platform: a person asking to join it, who
  // becomes a user only when the enterprise's first user approves.
  `create table enterprise_join_requests (
      id uuid primary key default gen_random_uuid(),
      enterprise_id uuid not null references enterprises (id),
      display_name text not null,
      phone text not null,
      password_hash text not null,
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
      decided_by uuid references users (id),
      decided_at timestamptz,
      decision_reason text,
      user_id uuid references users (id),
      created_at timestamptz not null default now()
    )`,
  // One open request per phone: the phone is the person's sign-in name.
  `create unique index enterprise_join_requests_pending_phone_idx on enterprise_join_requests (phone) where status = 'pending'`,
  // A 6-digit code confirming a mobile number (registration, forgotten password). Only its hash is kept.
  `create table mobile_codes (
      id uuid primary key default gen_random_uuid(),
      phone text not null,
      purpose text not null check (purpose in ('register', 'reset_password')),
      code_hash text not null,
      expires_at timestamptz not null,
      attempts integer not null default 0,
      consumed_at timestamptz,
      created_at timestamptz not null default now()
    )`,
  `create index mobile_codes_phone_purpose_idx on mobile_codes (phone, purpose, created_at)`,
  // What the platform sent (or, with no SMS provider configured, would have sent) to a mobile number:
  // with the embedded provider this is where the platform administrator reads a code for the demo.
  `create table sms_messages (
      id bigint generated always as identity primary key,
      phone text not null,
      purpose text not null,
      body text not null,
      provider text not null,
      sent_at timestamptz not null default now()
    )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `drop table sms_messages`,
    `drop table mobile_codes`,
    `drop table enterprise_join_requests`,
    `drop index enterprises_region_status_idx`,
    ...['registered_by', 'reviewed_at', 'reviewed_by', 'review_reason', 'status', 'region_id'].map((c) => `alter table enterprises drop column ${c}`),
    `alter table users drop column last_signed_in_at`,
    `alter table users drop column must_change_password`,
    `alter table regions drop column active`,
    `alter table regions drop column parent_id`,
  ])
    await sql.raw(statement).execute(db);
}
