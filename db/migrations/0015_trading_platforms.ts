import { sql, type Kysely } from 'kysely';

// One statement per string: PGlite's extended query protocol takes a single statement at a time.
const statements = [
  // A public-resource trading platform (docs/trading-platform-interface.md) registered by a platform
  // administrator: it pushes projects for its regions, hands bidders over and receives callbacks. The
  // secret signs both directions; it is written, never read back to a person.
  `create table trading_platforms (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[A-Za-z0-9_-]{2,40}$'),
      name text not null,
      region_ids text[] not null,
      secret text not null,
      algorithm text not null default 'sha256' check (algorithm in ('sha256', 'sm3')),
      callback_base_url text,
      return_url text,
      enabled boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null
    )`,
  // A project pushed by a platform is that platform's: it replaces it by revision, operators only read it.
  `alter table projects add column platform_id uuid references trading_platforms (id)`,
  `alter table projects add column platform_revision integer`,
  `create unique index projects_platform_code_idx on projects (platform_id, code) where platform_id is not null`,
  // Nonces of accepted signed requests: one seen in the last 10 minutes refuses the request that repeats it.
  // Written in the transaction of the request's change, so a refused request leaves none behind.
  `create table platform_nonces (
      platform_id uuid not null references trading_platforms (id),
      nonce text not null,
      seen_at timestamptz not null,
      primary key (platform_id, nonce)
    )`,
  // A pushed project event is applied once per eventId, whatever the platform repeats.
  `create table platform_event_receipts (
      platform_id uuid not null references trading_platforms (id),
      event_id text not null,
      project_id uuid not null references projects (id),
      received_at timestamptz not null,
      primary key (platform_id, event_id)
    )`,
  // SSO tokens used: a token is single use, so its nonce is kept (until long after its exp).
  `create table platform_sso_tokens (
      platform_id uuid not null references trading_platforms (id),
      nonce text not null,
      user_id uuid not null references users (id),
      used_at timestamptz not null,
      primary key (platform_id, nonce)
    )`,
  // The enterprise a platform created or linked by its USCC: trusted (no 企业认证审核).
  `alter table enterprises add column platform_id uuid references trading_platforms (id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'alter table enterprises drop column platform_id',
    'drop table platform_sso_tokens',
    'drop table platform_event_receipts',
    'drop table platform_nonces',
    'drop index projects_platform_code_idx',
    'alter table projects drop column platform_revision',
    'alter table projects drop column platform_id',
    'drop table trading_platforms',
  ]) await sql.raw(statement).execute(db);
}
