import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { transition } from '@/lib/lifecycle/transition';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { uuid } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { joinRequestLifecycle } from '../join-request-lifecycle';
import { rejectionSchema } from './approve-join-request';
import { joinRequestToDecide } from './enterprise-administrator';

/** 拒绝 with a reason: the person gets no account (and may register again, e.g. with corrected details). */
export async function rejectJoinRequest(db: Kysely<Database>, actor: Actor, rawId: unknown, input: unknown): Promise<void> {
  const id = parseInput(uuid('加入申请编号'), rawId);
  await writeTransaction(db, async (trx) => {
    // Who may decide is settled before what they wrote is checked: a stranger learns nothing from validation.
    const request = await joinRequestToDecide(trx, actor, id);
    const { reason } = parseInput(rejectionSchema, input);
    const rejected = await transition(trx, 'enterprise_join_requests', joinRequestLifecycle, {
      id,
      action: 'reject',
      set: { decided_by: actor.userId, decided_at: now(), decision_reason: reason },
    });
    await appendAuditEvent(trx, actor, {
      action: 'enterprise_join_request.reject',
      entityType: 'enterprise_join_request',
      entityId: id,
      regionId: request.region_id,
      before: { status: rejected.from_status },
      after: { status: rejected.status, display_name: rejected.display_name, phone: rejected.phone, enterprise_id: request.enterprise_id },
      reason,
    });
  });
}
