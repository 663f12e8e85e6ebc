'use server';

import { currentActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { DomainError } from '@/lib/errors/domain-error';
import { abandonOrder } from '@/lib/orders/abandon-order';
import { runAction as run } from '@/lib/http/run-action';
import { submitApplication } from '@/lib/orders/submit-application';
import { updateApplication } from '@/lib/orders/update-application';

async function actor() {
  const signedIn = await currentActor();
  if (!signedIn) throw new DomainError('UNAUTHENTICATED', '登录已过期，请重新登录');
  return signedIn;
}

/** 【确认并支付】 */
export async function confirmApplication(input: unknown) {
  return run(async () => (await submitApplication(await getDb(), await actor(), input)).id);
}

/** 修改投保信息 after 【暂不支付】 */
export async function changeApplication(orderId: string, input: unknown) {
  return run(async () => updateApplication(await getDb(), await actor(), orderId, input));
}

/** 【放弃购买保函】 */
export async function giveUpOrder(orderId: string) {
  return run(async () => abandonOrder(await getDb(), await actor(), orderId));
}
