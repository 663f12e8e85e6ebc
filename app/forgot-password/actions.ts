'use server';

import { headers } from 'next/headers';
import { requestPasswordResetCode } from '@/lib/auth/forgotten-password/request-password-reset-code';
import { resetForgottenPassword } from '@/lib/auth/forgotten-password/reset-forgotten-password';
import { getDb } from '@/lib/database';
import { clientAddress } from '@/lib/http/client-address';
import { runAction } from '@/lib/http/run-action';

/** 获取验证码 (purpose reset_password): the same answer whether or not the number has an account. */
export async function sendPasswordResetCode(input: unknown) {
  return runAction(async () => requestPasswordResetCode(await getDb(), input, clientAddress(await headers())));
}

/** 重设密码 */
export async function resetPassword(input: unknown) {
  return runAction(async () => resetForgottenPassword(await getDb(), input));
}
