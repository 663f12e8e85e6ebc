import http from 'node:http';
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
  /**
   * True when the request opened a new connection rather than reusing a kept-alive one. A server on
   * libuv ≥ 1.45 accepts one new connection per turn of its event loop, so a burst of new connections
   * is taken in turn by a busy server, and its tail is the new connections' (see the README's performance).
   */
  newConnection: boolean | null;
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
  // node:http with kept-alive connections, as load generators use: the bank runs on this machine's two
  // cores too, and fetch costs it about 2 ms a request, which the server's figures would otherwise carry.
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const roundStart = performance.now();
  try {
    await forEachConcurrently(payments, concurrency, async (payment, index) => {
      const { headers, body } = signedNotification(bankSecret, payment.transfer, payment.bankTime);
      const start = performance.now();
      const delivery: Delivery = { status: null, replayed: null, error: null, startedMs: start - roundStart, latencyMs: 0, newConnection: null };
      try {
        const answer = await post(agent, `${baseUrl}/api/bank/transfers`, headers, body, (reused) => (delivery.newConnection = !reused));
        delivery.status = answer.status;
        if (answer.status >= 200 && answer.status < 300) delivery.replayed = (parseJson(answer.body) as { replayed?: boolean } | null)?.replayed ?? null;
      } catch (error) {
        delivery.error = (error as Error).message;
      }
      delivery.latencyMs = performance.now() - start;
      deliveries[index] = delivery;
      if (delivery.status !== null && delivery.status >= 200 && delivery.status < 300) acks++;
      onAnswer(delivery, acks);
    });
  } finally {
    agent.destroy();
  }
  return { deliveries, wallMs: performance.now() - roundStart };
}

/** One POST, its status and body; a refused, reset or silent (60 s) connection is an error. */
function post(
  agent: http.Agent,
  url: string,
  headers: Record<string, string>,
  body: string,
  onSocket: (reused: boolean) => void,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, timeout: 60_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.once('socket', () => onSocket(request.reusedSocket));
    request.on('timeout', () => request.destroy(new Error('no answer within 60 s')));
    request.on('error', reject);
    request.end(body);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const isAck = (delivery: Delivery) => delivery.status !== null && delivery.status >= 200 && delivery.status < 300;
