import type { PolicyDocumentJobStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { mayWrite } from '@/lib/auth/authorize';
import { defineRetryQueueLifecycle, retryQueueActions, type RetryQueueAction, type RetryQueueState } from '@/lib/back-office/retry-queue';

export const POLICY_DOCUMENT_JOB_STATUS_LABELS: Record<PolicyDocumentJobStatus, string> = {
  pending: '生成中',
  done: '已生成',
};

/**
 * The job that renders and seals an issued policy's document: pending until the document is stored
 * (complete, in the transaction that stores it); a failed render is written on it and it is tried again,
 * at its next attempt or at once when an operator asks (立即重试). Keyed by its policy (policy_id).
 */
export const policyDocumentJobLifecycle = defineRetryQueueLifecycle({
  noun: '保单生成任务',
  states: POLICY_DOCUMENT_JOB_STATUS_LABELS,
  complete: '生成保单文件',
  alreadyDone: '该保单已生成，无需重试',
});

export type PolicyDocumentJobAction = RetryQueueAction;

/** What the reader may do to the job now: the region's operators and the platform may have it tried again. */
export function policyDocumentJobActions(
  job: { status: PolicyDocumentJobStatus; state: RetryQueueState; region_id: string | null },
  actor: Actor,
): PolicyDocumentJobAction[] {
  return retryQueueActions(policyDocumentJobLifecycle, job, mayWrite(actor, job.region_id));
}
