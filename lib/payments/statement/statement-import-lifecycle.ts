import type { StatementImportStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { mayWrite } from '@/lib/auth/authorize';
import { canTake, defineLifecycle } from '@/lib/lifecycle/lifecycle';
import { STATEMENT_IMPORT_STATUS_LABELS } from './statement-import-status';

/**
 * A statement import job (lib/payments/statement): created running; its runner (which holds the job's
 * lease) finishes it once every line is recorded, or stops it as failed, keeping what earlier batches
 * recorded. 继续导入 runs a failed import again from its last batch, and a running one whose runner
 * died (it is stalled: its lease ran out).
 */
export const statementImportLifecycle = defineLifecycle({
  noun: '导入记录',
  states: STATEMENT_IMPORT_STATUS_LABELS,
  initial: ['running'],
  actions: {
    finish: { label: '完成导入', from: ['running'], to: 'done' },
    fail: { label: '记录导入失败', from: ['running'], to: 'failed' },
    /** From running only when the import is stalled (mayRetry). */
    retry: { label: '继续导入', from: ['failed', 'running'], to: 'running' },
  },
  refusal(action, current) {
    if (action === 'retry') return current === 'running' ? '该导入正在进行中' : '该导入已完成，无需继续';
    return undefined;
  },
});

export type StatementImportAction = (typeof statementImportLifecycle.actionNames)[number];

/** Running, but nobody holds its lease any more: the process recording it stopped. */
export function isStalled(job: { status: StatementImportStatus; lease_until: Date | null }, at: Date): boolean {
  return job.status === 'running' && job.lease_until !== null && job.lease_until < at;
}

/**
 * Whether 继续导入 may run the import again: a failed one, or a stalled one. A running import without a
 * lease is about to be claimed by the runner just launched for it, and one with a lease is being recorded.
 */
export function mayRetry(job: { status: StatementImportStatus; stalled: boolean }): boolean {
  return canTake(statementImportLifecycle, 'retry', job.status) && (job.status !== 'running' || job.stalled);
}

/** What the back office offers on an import (its read model says `stalled`): 继续导入, to a writer of its region. */
export function statementImportAllowedActions(
  record: { status: StatementImportStatus; stalled: boolean; region_id: string | null },
  actor: Actor,
): StatementImportAction[] {
  return mayWrite(actor, record.region_id) && mayRetry(record) ? ['retry'] : [];
}
