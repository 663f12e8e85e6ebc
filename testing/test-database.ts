import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createDatabase } from '@/db/create-database';
import type { Database } from '@/db/database';
import { installPlatformDefaults } from '@/lib/platform/install-platform-defaults';
import { migrateToLatest } from '@/db/migrate';
import { readPgliteSnapshot, type PgliteSnapshotName } from './pglite-snapshots';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** PGlite always; a real PostgreSQL server too when TEST_DATABASE_URL names one (CI sets it). */
export const testDatabaseKinds: TestDatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  db: Kysely<Database>;
  kind: TestDatabaseKind;
  /**
   * The PostgreSQL database's address, for a server process (bench/rush.ts) or a second handle (another
   * app instance in a test) to open it too; null for PGlite.
   */
  url: string | null;
  close(): Promise<void>;
}

/**
 * A fresh, migrated, empty database: in-memory PGlite, or a new database on the server that is
 * dropped again on close, so test files never see each other's rows.
 */
export async function openTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') return (await openPgliteCopy('migrated')) ?? openNewPglite();
  return openNewPostgres();
}

/** A copy of this run's dumped PGlite database of that name (see pglite-snapshots.ts), or null without one. */
export async function openPgliteCopy(name: PgliteSnapshotName): Promise<TestDatabase | null> {
  const snapshot = readPgliteSnapshot(name);
  if (!snapshot) return null;
  const db = createDatabase({ kind: 'pglite', dataDir: null, from: snapshot });
  return { db, kind: 'pglite', url: null, close: () => db.destroy() };
}

async function openNewPglite(): Promise<TestDatabase> {
  const db = createDatabase({ kind: 'pglite', dataDir: null });
  await prepareTestDatabase(db);
  return { db, kind: 'pglite', url: null, close: () => db.destroy() };
}

async function openNewPostgres(): Promise<TestDatabase> {
  const kind = 'postgres';
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `bg_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 20 });
  await prepareTestDatabase(db);
  return {
    db,
    kind,
    url: url.toString(),
    close: async () => {
      await db.destroy();
      await withAdminClient(adminUrl, async (client) => {
        // The pool's sessions may still be closing after destroy(); terminating one that is (what `force`
        // does) makes its client report an error with no test left to catch it. Wait for them to go first.
        for (let i = 0; i < 50; i++) {
          const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0]!.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await client.query(`drop database if exists ${name} with (force)`);
      }).catch((error: unknown) => {
        // Cleanup only: a database left behind (e.g. a role that may not end an autovacuum worker) is
        // reported, not allowed to fail the tests that ran in it.
        console.warn(`could not drop test database ${name}: ${(error as Error).message}`);
      });
    },
  };
}

/** What every database has after its first start: the schema and the platform's baseline rules. */
export async function prepareTestDatabase(db: Kysely<Database>) {
  await migrateToLatest(db);
  await installPlatformDefaults(db, new Date('2026-01-01T00:00:00Z'));
}

async function withAdminClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
