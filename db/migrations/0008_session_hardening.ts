import { sql, type Kysely } from 'kysely';

// One statement per string: PGlite's extended query protocol takes a single statement at a time.
const statements = [
  // A session token carries the version it was issued at; signing out, a password change or a
  // deactivation moves the version on, and every older token stops working at its next request.
  `alter table users add column session_version integer not null default 0`,
  // Where each account last signed in successfully: such an address is not held back by the account's
  // ceiling of failures from everywhere else, so strangers guessing cannot lock the owner out.
  `create table known_sign_in_addresses (
      user_id uuid not null references users (id),
      address text not null,
      last_signed_in_at timestamptz not null,
      primary key (user_id, address)
    )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table known_sign_in_addresses`.execute(db);
  await sql`alter table users drop column session_version`.execute(db);
}
