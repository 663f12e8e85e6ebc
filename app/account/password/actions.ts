'use server';

import { changeOwnPassword } from '@/lib/auth/change-own-password';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { runAction } from '@/lib/http/run-action';

/** 【修改密码】: also for an account that must change the password someone else set, which may do nothing else. */
export async function changePassword(input: unknown) {
  return runAction(async () => changeOwnPassword(await getDb(), await requireActor({ forPasswordChange: true }), input));
}
