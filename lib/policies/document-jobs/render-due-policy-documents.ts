import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { failureText, retryBackoffMs } from '@/lib/jobs/retry-backoff';
import { TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { transition } from '@/lib/lifecycle/transition';
import { enqueuePolicyIssuedMail } from '@/lib/mail/policy-issued-mail';
import { now } from '@/lib/time/clock';
import { policySealContext } from '../issue-policy';
import type { PolicyDocument } from '../policy-document';
import { seal } from '../policy-crypto';
import { renderPolicyPdfOffThread } from '../render-thread/render-off-thread';
import { sectionKey } from '../section-key';
import { claimPolicyDocumentJobs, type ClaimedPolicyDocumentJob } from './claim-policy-document-jobs';
import { readStoredPolicyDocument } from './policy-document-job';
import { policyDocumentJobLifecycle } from './policy-document-job-lifecycle';

export interface RenderRoundOptions {
  /** Jobs taken in this round. */
  limit?: number;
  /** How long a taken job is this renderer's; after that another may take it (lib/policies/document-jobs). */
  leaseMs?: number;
  /** The renderer: the render threads unless a caller (a benchmark) says otherwise. */
  render?: (document: PolicyDocument) => Promise<Uint8Array>;
}

export interface RenderRoundResult {
  claimed: number;
  rendered: number;
  failed: number;
}

export const DEFAULT_LEASE_MS = 60_000;

/** How long a failed render waits before its next attempt: 10 s, 30 s, 90 s, … at most 30 minutes. */
export function retryDelayMs(attempt: number): number {
  return retryBackoffMs(attempt, 10_000);
}

/**
 * One round of the policy-document jobs: takes the due ones, renders each off the event loop, seals it
 * with its section's key and stores it. A failure is written on the job, which is tried again later;
 * the policy itself (number, code, verification) never depends on it.
 */
export async function renderDuePolicyDocuments(db: Kysely<Database>, options: RenderRoundOptions = {}): Promise<RenderRoundResult> {
  const jobs = await claimPolicyDocumentJobs(db, options.limit ?? 8, options.leaseMs ?? DEFAULT_LEASE_MS);
  const render = options.render ?? renderPolicyPdfOffThread;
  const outcomes = await Promise.all(jobs.map((job) => renderJob(db, job, render)));
  const rendered = outcomes.filter(Boolean).length;
  return { claimed: jobs.length, rendered, failed: jobs.length - rendered };
}

async function renderJob(db: Kysely<Database>, job: ClaimedPolicyDocumentJob, render: (document: PolicyDocument) => Promise<Uint8Array>): Promise<boolean> {
  try {
    const document = readStoredPolicyDocument(job.document);
    const pdf = await render(document);
    await storeDocument(db, job.policyId, document.policyNumber, pdf);
    return true;
  } catch (error) {
    console.error(`保单 ${job.policyId} 生成失败（第 ${job.attempt} 次）`, error);
    await recordFailure(db, job, error).catch((cause) => console.error('保单生成失败未能记录，租约到期后将重试', cause));
    return false;
  }
}

async function storeDocument(db: Kysely<Database>, policyId: string, policyNumber: string, pdf: Uint8Array): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { section_id: sectionId } = await trx
      .selectFrom('policies')
      .innerJoin('orders', 'orders.id', 'policies.order_id')
      .select('orders.section_id')
      .where('policies.id', '=', policyId)
      .executeTakeFirstOrThrow();
    const key = await sectionKey(trx, sectionId);
    const at = now();
    // A job rendered twice (a lease that ran out mid-render) keeps the first document: the bytes are the same.
    const stored = await trx
      .updateTable('policies')
      .set({ sealed_document: seal(key, pdf, policySealContext(policyNumber)), document_ready_at: at })
      .where('id', '=', policyId)
      .where('sealed_document', 'is', null)
      .executeTakeFirst();
    // The applicant's mail goes with the document it carries, once: written when the document first exists.
    if (stored.numUpdatedRows > 0n) await enqueuePolicyIssuedMail(trx, policyId);
    await transition(trx, 'policy_document_jobs', policyDocumentJobLifecycle, {
      id: policyId,
      key: 'policy_id',
      action: 'complete',
      set: { done_at: at, locked_until: null, last_error: null },
    }).catch(ignoreRefusal);
  });
}

/** A job another renderer completed (or, for a failure, completed meanwhile) has nothing left to write. */
function ignoreRefusal(error: unknown): void {
  if (!(error instanceof TransitionRefused)) throw error;
}

function recordFailure(db: Kysely<Database>, job: ClaimedPolicyDocumentJob, error: unknown) {
  return db.transaction().execute((trx) =>
    transition(trx, 'policy_document_jobs', policyDocumentJobLifecycle, {
      id: job.policyId,
      key: 'policy_id',
      action: 'recordFailure',
      set: { last_error: failureText(error), run_after: new Date(now().getTime() + retryDelayMs(job.attempt)), locked_until: null },
    }).catch(ignoreRefusal),
  );
}
