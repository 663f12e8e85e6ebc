import path from 'node:path';
import type { DatabaseTarget } from '@/db/create-database';

/** Where the embedded database and generated development secrets live (git-ignored). */
export function dataDir(): string {
  // A run-time location, not a source path: keep the bundler from tracing the whole project for it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? '.data');
}

/** No DATABASE_URL means the embedded PGlite database under the data directory. */
export function databaseTarget(env: Record<string, string | undefined> = process.env): DatabaseTarget {
  const url = env.DATABASE_URL;
  if (url) return { kind: 'postgres', url, maxConnections: databasePoolSize(env) };
  return { kind: 'pglite', dataDir: path.join(dataDir(), 'pglite') };
}

/** DATABASE_POOL_SIZE: the connections each app process keeps to PostgreSQL (default 10). */
export function databasePoolSize(env: Record<string, string | undefined> = process.env): number {
  const raw = env.DATABASE_POOL_SIZE?.trim();
  if (!raw) return 10;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 2 || size > 200) throw new Error(`DATABASE_POOL_SIZE 应为 2 到 200 的整数，实际为 ${JSON.stringify(raw)}`);
  return size;
}

/** Demo accounts and data are seeded only where nobody could mistake them for real ones. */
export function isDemoMode(): boolean {
  return !process.env.DATABASE_URL || process.env.SEED_DEMO === '1';
}

/** The address people reach the platform at, printed on documents (the policy's verification link). */
export function publicBaseUrl(): string {
  return (process.env.PUBLIC_BASE_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
}
