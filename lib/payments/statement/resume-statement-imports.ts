import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { now } from '@/lib/time/clock';
import { launchStatementImport } from './launch-statement-import';

/**
 * Scheduled (lib/jobs): an import left running by a process that died — its lease ran out, or it was
 * stored and never launched — is picked up again and continues after its last committed batch. Safe on
 * many instances: each job is claimed by one runner through its lease. Imports that failed with an
 * error are not retried on their own; an operator continues them (retryStatementImport).
 */
export async function resumeStatementImports(db: Kysely<Database>): Promise<number> {
  const stale = await db
    .selectFrom('statement_imports')
    .select('id')
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now())]))
    .orderBy('created_at')
    .limit(10)
    .execute();
  for (const { id } of stale) launchStatementImport(db, id);
  return stale.length;
}
