import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { DomainError } from '@/lib/errors/domain-error';
import { countHit, uncountHit, type RateLimit } from '@/lib/http/rate-limit';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import type { Actor } from './actor';
import { hashPassword, verifyPassword } from './password';
import { assertStrongPassword, MAX_PASSWORD_LENGTH } from './password-policy';
import { bumpSessionVersion } from './session-version';

const changePasswordSchema = z.object({
  currentPassword: z.string({ error: '请输入当前密码' }).min(1, { error: '请输入当前密码' }).max(MAX_PASSWORD_LENGTH, { error: '当前密码不正确' }),
  newPassword: z.string({ error: '请输入新密码' }).min(1, { error: '请输入新密码' }),
  confirmPassword: z.string({ error: '请再次输入新密码' }).min(1, { error: '请再次输入新密码' }),
});

/** Wrong current passwords one account may give in 15 minutes before it is held back: a stolen session must not guess it. */
export const WRONG_CURRENT_PASSWORD_LIMIT = 5;
const WINDOW_SECONDS = 15 * 60;

const refusal = (field: string, message: string) => new DomainError('VALIDATION_FAILED', message, { [field]: message });

/**
 * 修改密码, by the signed-in account itself (a bidder or staff): the current password is required and
 * checked, the new one must pass the password policy and differ from it. Every session of the account ends
 * (its session version moves on), this one included, so the person signs in again with the new password —
 * and a session someone else holds is over. An account whose password someone else set may do this and
 * nothing else (lib/auth/session-actor.ts); afterwards it is an ordinary account again.
 */
export async function changeOwnPassword(db: Kysely<Database>, actor: Actor, input: unknown): Promise<void> {
  const { currentPassword, newPassword, confirmPassword } = parseInput(changePasswordSchema, input);
  if (newPassword !== confirmPassword) throw refusal('confirmPassword', '两次输入的新密码不一致');
  assertStrongPassword(newPassword, 'newPassword');
  if (newPassword === currentPassword) throw refusal('newPassword', '新密码不能与当前密码相同');

  // Counted before the password is checked, in the database, so parallel guesses cannot all slip through.
  const limit: RateLimit = { bucket: `change-password:${actor.userId}`, limit: WRONG_CURRENT_PASSWORD_LIMIT, windowSeconds: WINDOW_SECONDS };
  if ((await countHit(db, limit)).hits > limit.limit) throw new DomainError('RATE_LIMITED', '当前密码错误次数过多，请 15 分钟后再试');
  const user = await db.selectFrom('users').select(['password_hash', 'region_id']).where('id', '=', actor.userId).where('active', '=', true).executeTakeFirst();
  if (!user) throw new DomainError('UNAUTHENTICATED', '请先登录');
  if (!(await verifyPassword(currentPassword, user.password_hash))) throw refusal('currentPassword', '当前密码不正确');
  await uncountHit(db, limit);

  const passwordHash = await hashPassword(newPassword);
  await writeTransaction(db, async (trx) => {
    const before = await trx.selectFrom('users').select(['must_change_password', 'password_hash']).where('id', '=', actor.userId).forUpdate().executeTakeFirstOrThrow();
    // Two changes at once: the one that checked a password that is no longer the current one loses.
    if (before.password_hash !== user.password_hash) throw new DomainError('CONFLICT', '密码已被修改，请重新登录');
    await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: false }).where('id', '=', actor.userId).execute();
    await bumpSessionVersion(trx, actor.userId);
    // That it happened, never the password or its hash.
    await appendAuditEvent(trx, actor, {
      action: 'user.change_password',
      entityType: 'user',
      entityId: actor.userId,
      regionId: user.region_id,
      before: { must_change_password: before.must_change_password },
      after: { must_change_password: false },
    });
  });
}
