'use server';

import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { runAction } from '@/lib/http/run-action';
import { requestInvoice } from '@/lib/invoices/request-invoice';
import { openPaymentTicket } from '@/lib/payments/tickets/open-payment-ticket';
import { applyForSurrender } from '@/lib/surrenders/apply-for-surrender';
import { completeRefundAccount } from '@/lib/surrenders/complete-refund-account';

/** 【支付遇到问题请点击】 → 已支付，未出函 / 申请退费 */
export async function reportPaymentProblem(orderId: string, input: unknown) {
  return runAction(async () => openPaymentTicket(await getDb(), await requireActor(), orderId, input));
}

/** 【申请退保】 */
export async function requestSurrender(orderId: string, input: unknown) {
  return runAction(async () => (await applyForSurrender(await getDb(), await requireActor(), orderId, input)).status);
}

/** 【完善退保账户信息】 */
export async function giveRefundAccount(orderId: string, input: unknown) {
  return runAction(async () => completeRefundAccount(await getDb(), await requireActor(), orderId, input));
}

/** 【申请发票】 */
export async function applyForInvoice(orderId: string, input: unknown) {
  return runAction(async () => (await requestInvoice(await getDb(), await requireActor(), orderId, input)).invoiceId);
}
