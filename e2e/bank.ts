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

type NotificationAnswer = { status: string; orderId: string | null; replayed: boolean };

/**
 * POST /api/bank/transfers as the demo bank, then as its retries do until the answer says what became of
 * the transfer: the first answer only acknowledges it (`received`); the server records it moments later.
 */
export async function notifyTransfer(request: APIRequestContext, transfer: E2ETransfer) {
  const send = async () => {
    const { headers, body } = signedNotification(E2E_BANK_SECRET, transfer);
    const response = await request.post('/api/bank/transfers', { headers, data: body });
    return { status: response.status(), body: (await response.json()) as NotificationAnswer };
  };
  const first = await send();
  if (first.status !== 200 || first.body.status !== 'received' || first.body.replayed) return first;
  for (let waited = 0; waited < 15_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const retry = await send();
    if (retry.status !== 200 || retry.body.status !== 'received') return retry;
  }
  throw new Error(`the transfer ${transfer.transactionId} was acknowledged but not recorded within 15 s`);
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
