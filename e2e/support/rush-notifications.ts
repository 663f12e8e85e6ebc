import { signedNotification } from '../bank';
import { forEachConcurrently } from './concurrently';
import type { RushPayment } from './rush-bidders';

export interface Delivery {
  /** The HTTP status, or null when no answer came (refused, reset by a crash, timed out). */
  status: number | null;
  /** What /api/bank/transfers answered with a 2xx. */
  replayed: boolean | null;
  error: string | null;
  /** From the request's start, ms since the round began. */
  startedMs: number;
  latencyMs: number;
}

export interface DeliveryRound {
  deliveries: Delivery[];
  wallMs: number;
}

/**
 * The bank reports every payment at once, `concurrency` at a time, each signed as it is sent.
 * `onAnswer` sees every delivery as it ends, with how many 2xx there have been so far (the crash test
 * kills the server from there).
 */
export async function deliverPayments(
  baseUrl: string,
  bankSecret: string,
  payments: readonly RushPayment[],
  concurrency: number,
  onAnswer: (delivery: Delivery, acks: number) => void = () => {},
): Promise<DeliveryRound> {
  const deliveries: Delivery[] = new Array(payments.length);
  let acks = 0;
  const roundStart = performance.now();
  await forEachConcurrently(payments, concurrency, async (payment, index) => {
    const { headers, body } = signedNotification(bankSecret, payment.transfer, payment.bankTime);
    const start = performance.now();
    const delivery: Delivery = { status: null, replayed: null, error: null, startedMs: start - roundStart, latencyMs: 0 };
    try {
      const response = await fetch(`${baseUrl}/api/bank/transfers`, { method: 'POST', headers, body, signal: AbortSignal.timeout(60_000) });
      delivery.status = response.status;
      const answer = (await response.json().catch(() => null)) as { replayed?: boolean } | null;
      if (response.ok) delivery.replayed = answer?.replayed ?? null;
    } catch (error) {
      delivery.error = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
    }
    delivery.latencyMs = performance.now() - start;
    deliveries[index] = delivery;
    if (delivery.status !== null && delivery.status >= 200 && delivery.status < 300) acks++;
    onAnswer(delivery, acks);
  });
  return { deliveries, wallMs: performance.now() - roundStart };
}

export const isAck = (delivery: Delivery) => delivery.status !== null && delivery.status >= 200 && delivery.status < 300;
