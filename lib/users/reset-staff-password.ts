import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { requirePlatformAdmin } from '@/lib/auth/require-platform-admin';
import { bumpSessionVersion } from '@/lib/auth/session-version';
import { DomainError } from '@/lib/errors/domain-error';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { uuid } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { lockStaffUser } from './lock-staff-user';
import { staffUserCommandSchema } from './staff-user-input';
import { findStaffUser, type StaffUserWithPassword } from './staff-user-resource';
import { generateTemporaryPassword } from './temporary-password';

/**
 * 重置密码: a new temporary password, answered this once for the administrator to hand over; the old one
 * stops working, every session of the account ends, and at its next sign-in the account must choose its own.
 * The audit chain records that it happened, never the password or its hash.
 */
export async function resetStaffPassword(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown): Promise<StaffUserWithPassword> {
  requirePlatformAdmin(actor, '重置用户密码');
  const id = parseInput(uuid('用户编号'), rawId);
  const { reason } = parseInput(staffUserCommandSchema, input ?? {});
  if (id === actor.userId) throw new DomainError('FORBIDDEN', '请通过「修改密码」修改自己的密码');
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return writeTransaction(db, async (trx) => {
    const before = await lockStaffUser(trx, id);
    await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: true }).where('id', '=', id).execute();
    await bumpSessionVersion(trx, id);
    const after = (await findStaffUser(trx, id, null))!;
    await appendAuditEvent(trx, actor, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      regionId: before.region_id,
      before,
      after,
      reason: reason ?? null,
    });
    return { ...after, temporary_password: temporaryPassword };
  });
}
