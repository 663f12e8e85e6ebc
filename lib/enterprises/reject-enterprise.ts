import type { Kysely } from 'kysely';
import { z } from 'zod';
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

const inputSchema = z.object({
  reason: z
    .string({ error: '请填写驳回原因' })
    .trim()
    .min(2, { error: '请填写驳回原因（至少 2 个字）' })
    .max(500, { error: '驳回原因不能超过 500 个字符' }),
});

/**
 * 企业认证审核 · 驳回: the bidder reads the reason on its home page, corrects the enterprise's details and
 * submits again (resubmit-enterprise.ts); until then it may browse sections but not apply.
 */
export async function rejectEnterprise(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown): Promise<EnterpriseRecord> {
  requireWriter(actor);
  const id = parseInput(enterpriseResource.idSchema, rawId);
  const { reason } = parseInput(inputSchema, input);
  return writeTransaction(db, async (trx) => {
    const { record, row } = await lockEnterpriseForChange(trx, actor, String(id), 'reject');
    const { from_status: _from, ...rejected } = await transition(trx, 'enterprises', enterpriseLifecycle, {
      id: row.id,
      action: 'reject',
      set: { reviewed_by: actor.userId, reviewed_at: now(), review_reason: reason },
    });
    await appendAuditEvent(trx, actor, {
      action: 'enterprise.reject',
      entityType: 'enterprise',
      entityId: row.id,
      regionId: record.region_id,
      before: row,
      after: rejected,
      reason,
    });
    return (await enterpriseResource.findById(trx, row.id, readableRegions(actor)))!;
  });
}
