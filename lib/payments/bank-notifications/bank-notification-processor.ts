import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { processDueBankNotifications } from './process-bank-notifications';

/** How often an idle processor looks for notifications another instance received, or whose retry time has come. */
const IDLE_POLL_MS = 1_000;
/**
 * While banks are waiting for acknowledgements in this process, the processor pauses this long after
 * each notification: the acknowledgements (one insert each) keep the event loop nearly to themselves
 * during a rush, and recording still goes on at a steady pace beside them.
 */
const BUSY_PAUSE_MS = 25;
const WORKERS = 2;

type Processor = { stop(): Promise<void>; nudge(): void };
// On globalThis: Next.js may load this module once per route bundle, and the server's own webhook path
// (scripts/start-server.ts) once more; all of them must see one processor and one in-flight count.
const KEY = Symbol.for('bid-guarantee.bank-notification-processor');
const IN_FLIGHT = Symbol.for('bid-guarantee.bank-notification-acks-in-flight');
const holder = globalThis as { [KEY]?: Processor; [IN_FLIGHT]?: number };

/** Runs an acknowledgement, counted as in flight while it runs (see BUSY_PAUSE_MS). */
export async function countAcknowledgementInFlight<T>(work: () => Promise<T>): Promise<T> {
  holder[IN_FLIGHT] = (holder[IN_FLIGHT] ?? 0) + 1;
  try {
    return await work();
  } finally {
    holder[IN_FLIGHT] = (holder[IN_FLIGHT] ?? 1) - 1;
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * The loop in each app process that records the banks' notifications: it works through the due ones as
 * long as there are any, then waits for a nudge (one received here) or the idle poll. Every instance may
 * run one; row locks (SKIP LOCKED) keep two from recording the same notification.
 */
export function startBankNotificationProcessor(getDb: () => Promise<Kysely<Database>>): void {
  if (holder[KEY]) return;
  let stopped = false;
  let wake: (() => void) | null = null;
  let nudged = false;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      wake = null;
    });
  const between = async () => {
    if ((holder[IN_FLIGHT] ?? 0) > 0) await pause(BUSY_PAUSE_MS);
  };
  const done = (async () => {
    while (!stopped) {
      nudged = false;
      try {
        await processDueBankNotifications(await getDb(), { workers: WORKERS, between });
      } catch (error) {
        console.error('银行通知入账轮询失败，稍后重试', error);
      }
      if (!stopped && !nudged) await sleep(IDLE_POLL_MS);
    }
  })();
  holder[KEY] = {
    nudge() {
      nudged = true;
      wake?.();
    },
    async stop() {
      stopped = true;
      wake?.();
      await done;
    },
  };
}

/** A notification was just stored in this process: record it now rather than at the next idle poll. */
export function nudgeBankNotificationProcessor(): void {
  holder[KEY]?.nudge();
}

export async function stopBankNotificationProcessor(): Promise<void> {
  const processor = holder[KEY];
  holder[KEY] = undefined;
  await processor?.stop();
}
