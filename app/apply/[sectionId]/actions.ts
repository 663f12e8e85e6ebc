'use server';

import { currentActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { DomainError } from '@/lib/errors/domain-error';
import { requestInvoice } from '@/lib/invoices/request-invoice';
import { abandonOrder } from '@/lib/orders/abandon-order';
import { submitApplication } from '@/lib/orders/submit-application';
import { updateApplication } from '@/lib/orders/update-application';

export type ActionResult<T = undefined> =
  | { ok: true; value: T }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };

async function run<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    console.error(error);
    return { ok: false, code: 'INTERNAL', message: '服务器内部错误，请稍后重试' };
  }
}

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

/** 【申请发票】 */
export async function applyForInvoice(orderId: string, input: unknown) {
  return run(async () => (await requestInvoice(await getDb(), await actor(), orderId, input)).invoiceId);
}
