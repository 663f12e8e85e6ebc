import type { APIRequestContext } from '@playwright/test';
import { signBankNotification } from '../lib/payments/bank-signature';

/** The demo bank's secret for this run: the journeys sign notifications with it, exactly as a bank would. */
export const E2E_BANK_SECRET = 'e2e-demo-bank-secret';

export interface E2ETransfer {
  transactionId: string;
  amountFen: number;
  payerName: string;
  payerAccount: string;
  payerKind: 'enterprise' | 'personal';
  remark: string;
}

/**
 * A notification as the demo bank sends it: the body, and the headers signing it with HMAC-SHA256 over
 * `timestamp.body`. A retry is signed afresh (a new timestamp) over the same transfer.
 */
export function signedNotification(secret: string, transfer: E2ETransfer, bankTime: Date = new Date()) {
  const body = JSON.stringify({ ...transfer, bankTime: bankTime.toISOString() });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers = {
    'content-type': 'application/json',
    'x-bank-code': 'demo',
    'x-bank-timestamp': timestamp,
    'x-bank-signature': signBankNotification(secret, timestamp, body),
  };
  return { headers, body };
}

/** POST /api/bank/transfers as the demo bank. */
export async function notifyTransfer(request: APIRequestContext, transfer: E2ETransfer) {
  const { headers, body } = signedNotification(E2E_BANK_SECRET, transfer);
  const response = await request.post('/api/bank/transfers', { headers, data: body });
  return { status: response.status(), body: (await response.json()) as { status: string; orderId: string | null } };
}

/** Moves the server's clock (E2E_CLOCK_CONTROL); null puts it back on real time. */
export async function setServerClock(request: APIRequestContext, at: Date | null) {
  const response = await request.post('/api/testing/clock', {
    headers: { 'x-test-clock-token': process.env.E2E_CLOCK_TOKEN ?? '' },
    data: { at: at?.toISOString() ?? null },
  });
  if (!response.ok()) throw new Error(`could not move the server clock: ${response.status()} ${await response.text()}`);
}

/** Holds policy rendering back on the server (true) or lets it go (false): the same token as the clock. */
export async function pausePolicyRendering(request: APIRequestContext, paused: boolean) {
  const response = await request.post('/api/testing/policy-renderer', {
    headers: { 'x-test-clock-token': process.env.E2E_CLOCK_TOKEN ?? '' },
    data: { paused },
  });
  if (!response.ok()) throw new Error(`could not ${paused ? 'pause' : 'resume'} policy rendering: ${response.status()} ${await response.text()}`);
}
