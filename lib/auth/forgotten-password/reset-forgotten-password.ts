import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { DomainError } from '@/lib/errors/domain-error';
import { parseInput } from '@/lib/validation/parse-input';
import type { Actor } from '../actor';
import { withConfirmedMobile } from '../mobile-codes/with-confirmed-mobile';
import { hashPassword } from '../password';
import { bumpSessionVersion } from '../session-version';
import { resetPasswordSchema } from './reset-forgotten-password-schema';

/**
 * 忘记密码, step two: the code sent to the number (purpose reset_password) and a new password. Sets it,
 * lifts a pending "must change the password" (the owner has just chosen it), and ends every session of
 * the account — whoever knew the old password is signed out. A number without an account is refused as
 * a wrong code, as its code was sent to nobody.
 */
export async function resetForgottenPassword(db: Kysely<Database>, input: unknown): Promise<void> {
  const data = parseInput(resetPasswordSchema, input);
  await withConfirmedMobile(db, { phone: data.phone, purpose: 'reset_password', code: data.code }, async (trx) => {
    const user = await trx.selectFrom('users').selectAll().where('phone', '=', data.phone).where('active', '=', true).forUpdate().executeTakeFirst();
    if (!user) throw new DomainError('MOBILE_CODE_WRONG', '验证码错误', { code: '验证码错误' });
    // Hashed (slowly, on purpose) only for a confirmed code, so guesses cost the server nothing much.
    const passwordHash = await hashPassword(data.password);
    await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: false }).where('id', '=', user.id).execute();
    await bumpSessionVersion(trx, user.id);
    const owner: Actor = {
      userId: user.id, role: user.role, name: user.display_name, phone: user.phone, regionId: user.region_id, enterpriseId: user.enterprise_id,
      canEditRules: user.can_edit_rules, canEditRuleValues: user.can_edit_rule_values,
    };
    await appendAuditEvent(trx, owner, {
      action: 'user.recover_password',
      entityType: 'user',
      entityId: user.id,
      regionId: user.region_id,
      before: { must_change_password: user.must_change_password, session_version: user.session_version },
      after: { must_change_password: false, session_version: user.session_version + 1 },
      reason: '通过短信验证码重设密码（忘记密码）',
    });
  });
}
