import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { runStatementImport } from './run-statement-import';

// Kept on globalThis: a bundler may load this module more than once in one server process.
const KEY = Symbol.for('bid-guarantee.statement-imports-running');
const holder = globalThis as { [KEY]?: Set<string> };

/**
 * Records an import in this process without holding up the request that started it. A job this process
 * is already running is not started twice; across instances the job's lease decides (runStatementImport).
 * A failure is on the job row for the operator; here it is only logged.
 */
export function launchStatementImport(db: Kysely<Database>, importId: string): void {
  const running = (holder[KEY] ??= new Set());
  if (running.has(importId)) return;
  running.add(importId);
  void runStatementImport(db, importId)
    .catch((error: unknown) => console.error(`statement import ${importId} stopped:`, (error as Error).message))
    .finally(() => running.delete(importId));
}
