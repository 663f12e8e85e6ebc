import { z } from 'zod';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import type { PolicyDocumentJobStatus } from '@/db/database';
import { retryNowCommand, retryQueueStateFilter, retryQueueStateSql, type RetryQueueState } from '@/lib/back-office/retry-queue';
import { declaredList } from '@/lib/back-office/declared-list';
import { policyDocumentJobActions, policyDocumentJobLifecycle } from './policy-document-job-lifecycle';

/** 生成中 (not tried yet or being rendered), 重试中 (failed, waiting for its next attempt), 已生成. */
export type PolicyDocumentJobState = RetryQueueState;

export interface PolicyDocumentJobRecord {
  /** The policy's id: one job per policy. */
  id: string;
  policy_number: string;
  order_id: string;
  order_number: string;
  enterprise_name: string;
  status: PolicyDocumentJobStatus;
  state: PolicyDocumentJobState;
  attempts: number;
  last_error: string | null;
  last_attempt_at: Date | null;
  run_after: Date;
  created_at: Date;
  done_at: Date | null;
  region_id: string | null;
}

const stateSql = retryQueueStateSql('policy_document_jobs');

function selectJobs(db: Parameters<ResourceDefinition['findById']>[0]) {
  return db
    .selectFrom('policy_document_jobs')
    .innerJoin('policies', 'policies.id', 'policy_document_jobs.policy_id')
    .innerJoin('orders', 'orders.id', 'policies.order_id')
    .innerJoin('enterprises', 'enterprises.id', 'orders.enterprise_id')
    .innerJoin('sections', 'sections.id', 'orders.section_id')
    .innerJoin('projects', 'projects.id', 'sections.project_id')
    .select([
      'policy_document_jobs.policy_id as id', 'policies.policy_number', 'orders.id as order_id', 'orders.order_number',
      'enterprises.name as enterprise_name', 'policy_document_jobs.status', 'policy_document_jobs.attempts', 'policy_document_jobs.last_error',
      'policy_document_jobs.last_attempt_at', 'policy_document_jobs.run_after', 'policy_document_jobs.created_at',
      'policy_document_jobs.done_at', 'projects.region_id',
    ])
    .select(stateSql.as('state'));
}

/**
 * 保单生成: the jobs that render policy documents. Operators see which are still waiting or failing and
 * why, and may have a failing one tried again now instead of at its next scheduled attempt (the command
 * retryNow).
 */
export const policyDocumentJobResource: ResourceDefinition<PolicyDocumentJobRecord> = {
  name: 'policy-document-jobs',
  entityType: 'policy_document_job',
  label: '保单生成',
  idSchema: z.uuid({ error: '保单编号无效' }),
  defaultSort: 'created_at',

  list: declaredList({
    from: selectJobs,
    id: 'policy_document_jobs.policy_id',
    region: { column: 'projects.region_id' },
    filters: { state: retryQueueStateFilter('policy_document_jobs') },
    sortable: {
      id: 'policy_document_jobs.policy_id',
      created_at: 'policy_document_jobs.created_at',
      attempts: 'policy_document_jobs.attempts',
      run_after: 'policy_document_jobs.run_after',
    },
  }),

  findById: (db, id) => selectJobs(db).where('policy_document_jobs.policy_id', '=', String(id)).executeTakeFirst(),

  allowedActions: (record, actor) => policyDocumentJobActions(record, actor),

  commands: {
    retryNow: retryNowCommand({
      resource: () => policyDocumentJobResource,
      table: 'policy_document_jobs',
      key: 'policy_id',
      lifecycle: policyDocumentJobLifecycle,
    }),
  },
};
