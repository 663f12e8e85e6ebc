import { sql, type Kysely } from 'kysely';
import { createDatabase } from '@/db/create-database';
import type { Database } from '@/db/database';
import { prepareDatabase } from '@/lib/platform/prepare-database';
import { databaseTarget } from './config/runtime-config';

// Next.js may evaluate this module once per route bundle; the database (and above all the one PGlite
// instance that owns the data directory) must exist once per process, so it lives on globalThis.
const KEY = Symbol.for('bid-guarantee.database');
type Holder = { [KEY]?: Promise<Kysely<Database>> };

/** The process's database, migrated (and seeded in demo mode) before first use. */
export function getDb(): Promise<Kysely<Database>> {
  const holder = globalThis as Holder;
  holder[KEY] ??= open().catch((error: unknown) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}

async function open(): Promise<Kysely<Database>> {
  const target = databaseTarget();
  const db = createDatabase(target);
  await prepareDatabase(db);
  // Every connection of the pool opened now, while nobody waits: not by the first requests of a rush.
  if (target.kind === 'postgres') await Promise.all(Array.from({ length: target.maxConnections ?? 1 }, () => sql`select 1`.execute(db)));
  return db;
}
