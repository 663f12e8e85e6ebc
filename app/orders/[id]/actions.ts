'use server';

import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { runAction } from '@/lib/http/run-action';
import { openPaymentTicket } from '@/lib/payments/tickets/open-payment-ticket';

/** 【支付遇到问题请点击】 → 已支付，未出函 / 申请退费 */
export async function reportPaymentProblem(orderId: string, input: unknown) {
  return runAction(async () => openPaymentTicket(await getDb(), await requireActor(), orderId, input));
}
