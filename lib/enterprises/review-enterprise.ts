import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { readableRegions, requireWriter } from '@/lib/auth/authorize';
import { transition } from '@/lib/lifecycle/transition';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { enterpriseLifecycle } from './enterprise-lifecycle';
import { enterpriseResource, type EnterpriseRecord } from './enterprise-resource';
import { lockEnterpriseForChange } from './lock-enterprise-for-change';

export interface EnterpriseReview {
  action: 'approve' | 'reject';
  /** What the enterprise reads on its home page (a rejection's reason), or null. */
  reviewReason: string | null;
  /** The reviewer's words in the audit chain. */
  auditReason: string | null;
}

/**
 * One step of 企业认证审核 by a back-office writer of the enterprise's region: the lifecycle's transition with
 * who reviewed it and when, and its link in the audit chain, in one transaction. The input is the caller's
 * to parse (approval and rejection ask for different things).
 */
export async function reviewEnterprise(db: Kysely<Database>, actor: Actor, rawId: string, review: () => EnterpriseReview): Promise<EnterpriseRecord> {
  requireWriter(actor);
  const id = parseInput(enterpriseResource.idSchema, rawId);
  const { action, reviewReason, auditReason } = review();
  return writeTransaction(db, async (trx) => {
    const { record, row } = await lockEnterpriseForChange(trx, actor, String(id), action);
    const { from_status: _from, ...after } = await transition(trx, 'enterprises', enterpriseLifecycle, {
      id: row.id,
      action,
      set: { reviewed_by: actor.userId, reviewed_at: now(), review_reason: reviewReason },
    });
    await appendAuditEvent(trx, actor, {
      action: `enterprise.${action}`,
      entityType: 'enterprise',
      entityId: row.id,
      regionId: record.region_id,
      before: row,
      after,
      reason: auditReason,
    });
    return (await enterpriseResource.findById(trx, row.id, readableRegions(actor)))!;
  });
}
