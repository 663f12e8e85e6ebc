import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { readableRegions, requireWriter } from '@/lib/auth/authorize';
import { transition } from '@/lib/lifecycle/transition';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { changeReason } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { enterpriseLifecycle } from './enterprise-lifecycle';
import { enterpriseResource, type EnterpriseRecord } from './enterprise-resource';
import { lockEnterpriseForChange } from './lock-enterprise-for-change';

const inputSchema = z.object({ reason: changeReason });

/**
 * 企业认证审核 · 认证通过: the enterprise may apply for guarantees from now on. Any earlier rejection reason
 * is cleared from the enterprise (the bidder no longer reads it); the audit chain keeps it.
 */
export async function approveEnterprise(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown): Promise<EnterpriseRecord> {
  requireWriter(actor);
  const id = parseInput(enterpriseResource.idSchema, rawId);
  const { reason } = parseInput(inputSchema, input ?? {});
  return writeTransaction(db, async (trx) => {
    const { record, row } = await lockEnterpriseForChange(trx, actor, String(id), 'approve');
    const { from_status: _from, ...approved } = await transition(trx, 'enterprises', enterpriseLifecycle, {
      id: row.id,
      action: 'approve',
      set: { reviewed_by: actor.userId, reviewed_at: now(), review_reason: null },
    });
    await appendAuditEvent(trx, actor, {
      action: 'enterprise.approve',
      entityType: 'enterprise',
      entityId: row.id,
      regionId: record.region_id,
      before: row,
      after: approved,
      reason: reason ?? null,
    });
    return (await enterpriseResource.findById(trx, row.id, readableRegions(actor)))!;
  });
}
