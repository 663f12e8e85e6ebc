import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { DomainError } from '@/lib/errors/domain-error';
import { parseInput } from '@/lib/validation/parse-input';
import type { Actor } from '../actor';
import { mobileCodeText, mobileNumber } from '../mobile-codes/mobile-code-fields';
import { withConfirmedMobile } from '../mobile-codes/with-confirmed-mobile';
import { hashPassword } from '../password';
import { passwordWeakness } from '../password-policy';
import { bumpSessionVersion } from '../session-version';

export const resetPasswordSchema = z
  .object({
    phone: mobileNumber('手机号'),
    code: mobileCodeText,
    password: z
      .string({ error: '请设置新密码' })
      .min(1, { error: '请设置新密码' })
      .superRefine((password, ctx) => {
        const weakness = passwordWeakness(password);
        if (weakness) ctx.addIssue({ code: 'custom', message: weakness });
      }),
    confirmPassword: z.string({ error: '请再次输入新密码' }).min(1, { error: '请再次输入新密码' }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    message: '两次输入的密码不一致',
    when: (payload) => {
      const v = payload.value as { password?: unknown; confirmPassword?: unknown } | null;
      return typeof v?.password === 'string' && typeof v.confirmPassword === 'string';
    },
  });

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
