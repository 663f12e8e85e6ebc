'use server';

import { headers } from 'next/headers';
import { getDb } from '@/lib/database';
import { lookUpUscc } from '@/lib/enterprises/registration/look-up-uscc';
import { registerEnterprise } from '@/lib/enterprises/registration/register-enterprise';
import { requestRegistrationCode } from '@/lib/enterprises/registration/request-registration-code';
import { clientAddress } from '@/lib/http/client-address';
import { runAction } from '@/lib/http/run-action';

/** 获取验证码 */
export async function sendRegistrationCode(input: unknown) {
  return runAction(async () => requestRegistrationCode(await getDb(), input, clientAddress(await headers())));
}

/** Typed a valid 统一社会信用代码: is the enterprise on the platform already (then this registration joins it)? */
export async function checkUscc(input: unknown) {
  return runAction(async () => lookUpUscc(await getDb(), input, clientAddress(await headers())));
}

/** 提交注册 */
export async function submitRegistration(input: unknown) {
  return runAction(async () => registerEnterprise(await getDb(), input, clientAddress(await headers())));
}
