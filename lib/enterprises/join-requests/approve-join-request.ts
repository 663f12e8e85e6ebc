import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { transition } from '@/lib/lifecycle/transition';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { uuid } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { lockPhone } from '../registration/phone-availability';
import { joinRequestLifecycle } from '../join-request-lifecycle';
import { joinRequestToDecide } from './enterprise-administrator';

/**
 * 同意加入: the enterprise's administrator lets the person in. They become a bidder user of the enterprise
 * with the password they chose when they asked (its hash was kept with the request), and may sign in.
 */
export async function approveJoinRequest(db: Kysely<Database>, actor: Actor, rawId: unknown): Promise<{ userId: string }> {
  const id = parseInput(uuid('加入申请编号'), rawId);
  return writeTransaction(db, async (trx) => {
    const request = await joinRequestToDecide(trx, actor, id);
    const at = now();
    const approved = await transition(trx, 'enterprise_join_requests', joinRequestLifecycle, {
      id,
      action: 'approve',
      set: { decided_by: actor.userId, decided_at: at },
    });
    await lockPhone(trx, approved.phone);
    const taken = await trx.selectFrom('users').select('id').where('phone', '=', approved.phone).executeTakeFirst();
    if (taken) throw new DomainError('CONFLICT', `手机号 ${approved.phone} 已注册为其他账号，无法加入本企业；请拒绝此申请`);
    const user = await trx
      .insertInto('users')
      .values({
        phone: approved.phone, display_name: approved.display_name, password_hash: approved.password_hash, role: 'bidder',
        enterprise_id: request.enterprise_id, created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('enterprise_join_requests').set({ user_id: user.id }).where('id', '=', id).execute();
    await appendAuditEvent(trx, actor, {
      action: 'enterprise_join_request.approve',
      entityType: 'enterprise_join_request',
      entityId: id,
      regionId: request.region_id,
      before: { status: approved.from_status },
      after: { status: approved.status, user_id: user.id, display_name: approved.display_name, phone: approved.phone, enterprise_id: request.enterprise_id },
    });
    return { userId: user.id };
  });
}

export const rejectionSchema = z.object({
  reason: z
    .string({ error: '请填写拒绝原因' })
    .trim()
    .min(1, { error: '请填写拒绝原因' })
    .max(200, { error: '拒绝原因不能超过 200 个字符' }),
});
