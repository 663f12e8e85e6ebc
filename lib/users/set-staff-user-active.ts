import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { requirePlatformAdmin } from '@/lib/auth/require-platform-admin';
import { bumpSessionVersion } from '@/lib/auth/session-version';
import { DomainError } from '@/lib/errors/domain-error';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { uuid } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { lockStaffUser } from './lock-staff-user';
import { staffUserCommandSchema } from './staff-user-input';
import { findStaffUser, type StaffUserRecord } from './staff-user-resource';

/**
 * 停用 / 启用 a staff account. A deactivated account can no longer sign in, and its live sessions end at
 * once (its session version moves on), not when their tokens expire. An administrator never deactivates
 * itself, and the platform always keeps one active platform administrator.
 */
export async function setStaffUserActive(
  db: Kysely<Database>,
  actor: Actor,
  rawId: string,
  active: boolean,
  input: unknown,
): Promise<StaffUserRecord> {
  requirePlatformAdmin(actor, active ? '启用用户' : '停用用户');
  const id = parseInput(uuid('用户编号'), rawId);
  const { reason } = parseInput(staffUserCommandSchema, input ?? {});
  if (!active && id === actor.userId) throw new DomainError('FORBIDDEN', '不能停用自己的账号');
  return writeTransaction(db, async (trx) => {
    if (!active) await lockActiveAdministrators(trx);
    const before = await lockStaffUser(trx, id);
    if (before.active === active) throw new DomainError('CONFLICT', active ? '该用户已是启用状态' : '该用户已停用');
    if (!active && before.role === 'platform_admin') {
      const others = await trx
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'platform_admin')
        .where('active', '=', true)
        .where('id', '<>', id)
        .executeTakeFirst();
      if (!others) throw new DomainError('CONFLICT', '不能停用最后一个启用的平台管理员');
    }
    await trx.updateTable('users').set({ active }).where('id', '=', id).execute();
    if (!active) await bumpSessionVersion(trx, id);
    const after = (await findStaffUser(trx, id, null))!;
    await appendAuditEvent(trx, actor, {
      action: active ? 'user.reactivate' : 'user.deactivate',
      entityType: 'user',
      entityId: id,
      regionId: before.region_id,
      before,
      after,
      reason: reason ?? null,
    });
    return after;
  });
}

/**
 * Every deactivation holds the active administrators first, always in the same order: two administrators
 * deactivating each other at once take turns instead of each leaving the other as the last one (or
 * deadlocking), and the second is then told the one left is the last.
 */
async function lockActiveAdministrators(trx: Transaction<Database>): Promise<void> {
  await trx.selectFrom('users').select('id').where('role', '=', 'platform_admin').where('active', '=', true).orderBy('id').forUpdate().execute();
}
