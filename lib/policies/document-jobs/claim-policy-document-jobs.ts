import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { now } from '@/lib/time/clock';

export interface ClaimedPolicyDocumentJob {
  policyId: string;
  document: unknown;
  /** This attempt's number, from 1. */
  attempt: number;
}

/**
 * Takes up to `limit` due jobs for `leaseMs`: no other renderer (another instance, or this one's next
 * round) takes them meanwhile, and when a renderer dies with them the lease runs out and they are due
 * again. Rows locked by a concurrent claim are skipped, not waited for.
 */
export async function claimPolicyDocumentJobs(db: Kysely<Database>, limit: number, leaseMs: number): Promise<ClaimedPolicyDocumentJob[]> {
  const at = now();
  const rows = await db
    .updateTable('policy_document_jobs')
    .set((eb) => ({
      locked_until: new Date(at.getTime() + leaseMs),
      attempts: eb('attempts', '+', 1),
      last_attempt_at: at,
    }))
    .where('policy_id', 'in', (eb) =>
      eb
        .selectFrom('policy_document_jobs')
        .select('policy_id')
        .where('status', '=', 'pending')
        .where('run_after', '<=', at)
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', at)]))
        .orderBy('run_after')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['policy_id', 'document', 'attempts'])
    .execute();
  return rows.map((row) => ({ policyId: row.policy_id, document: row.document, attempt: row.attempts }));
}
