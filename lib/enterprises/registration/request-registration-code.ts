import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { mobileNumber } from '@/lib/auth/mobile-codes/mobile-code-fields';
import { sendMobileCode, type SentMobileCode } from '@/lib/auth/mobile-codes/send-mobile-code';
import { parseInput } from '@/lib/validation/parse-input';
import { assertPhoneFree } from './phone-availability';

/** 获取验证码 on /register: a taken number is told so now, before anyone waits for a text. */
export async function requestRegistrationCode(db: Kysely<Database>, input: unknown, clientAddress: string): Promise<SentMobileCode> {
  const { phone } = parseInput(z.object({ phone: mobileNumber('手机号') }), input);
  await assertPhoneFree(db, phone);
  return sendMobileCode(db, { phone, purpose: 'register', clientAddress });
}
