import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { transition } from '@/lib/lifecycle/transition';
import { transitionOrder } from '@/lib/orders/transition-order';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { lockSurrenderForReview } from './lock-surrender-for-review';
import { surrenderLifecycle } from './surrender-lifecycle';
import { surrenderResource, type SurrenderRecord } from './surrender-resource';

const inputSchema = z.object({
  reason: z
    .string({ error: '请填写驳回原因' })
    .trim()
    .min(2, { error: '请填写驳回原因（至少 2 个字）' })
    .max(500, { error: '驳回原因不能超过 500 个字符' }),
});

/**
 * 审核驳回: the bidder reads why on its order, which is insured again and may be surrendered later (e.g.
 * once the account is right or the project's status changes). Also for a surrender still awaiting its
 * refund account, which a bidder might otherwise leave open for ever.
 */
export async function rejectSurrender(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown): Promise<SurrenderRecord> {
  requireWriter(actor);
  const id = parseInput(surrenderResource.idSchema, rawId);
  const { reason } = parseInput(inputSchema, input);
  return writeTransaction(db, async (trx) => {
    const { record, row } = await lockSurrenderForReview(trx, actor, String(id), 'reject');
    await transitionOrder(trx, actor, row.order_id, 'rejectSurrender', { reason: `退保申请被驳回：${reason}` });
    const { from_status: _from, ...rejected } = await transition(trx, 'surrenders', surrenderLifecycle, {
      id: row.id,
      action: 'reject',
      set: { reviewed_by: actor.userId, reviewed_at: now(), review_reason: reason },
    });
    await appendAuditEvent(trx, actor, {
      action: 'surrender.reject',
      entityType: 'surrender',
      entityId: row.id,
      regionId: record.region_id,
      before: row,
      after: rejected,
      reason,
    });
    return (await surrenderResource.findById(trx, row.id, null))!;
  });
}
