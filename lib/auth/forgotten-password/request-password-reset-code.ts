import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { parseInput } from '@/lib/validation/parse-input';
import { mobileNumber } from '../mobile-codes/mobile-code-fields';
import { sendMobileCode, type SentMobileCode } from '../mobile-codes/send-mobile-code';

export const RESET_CODE_SENT = '如果该手机号已在平台注册，验证码已发送至该手机号，10 分钟内有效';

/**
 * 忘记密码, step one. The answer is the same whether or not the number has an account, so nobody learns
 * which numbers do: a number without one gets a code made, stored and limited exactly like the others,
 * and sent to nobody — the next step then fails for it as for a wrong code.
 */
export async function requestPasswordResetCode(db: Kysely<Database>, input: unknown, clientAddress: string): Promise<SentMobileCode & { message: string }> {
  const { phone } = parseInput(z.object({ phone: mobileNumber('手机号') }), input);
  const account = await db.selectFrom('users').select('id').where('phone', '=', phone).where('active', '=', true).executeTakeFirst();
  const sent = await sendMobileCode(db, { phone, purpose: 'reset_password', clientAddress, deliver: account !== undefined });
  return { ...sent, message: RESET_CODE_SENT };
}
