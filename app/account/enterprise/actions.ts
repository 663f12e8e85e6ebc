'use server';

import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { completePlatformEnterprise } from '@/lib/enterprises/complete-platform-enterprise';
import { runAction } from '@/lib/http/run-action';

/** 【保存企业信息】 of an enterprise a trading platform created. */
export async function completeEnterprise(input: unknown) {
  return runAction(async () => completePlatformEnterprise(await getDb(), await requireActor(), input));
}
