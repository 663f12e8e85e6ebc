import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { startBackgroundLoop, type BackgroundLoop } from '@/lib/jobs/background-loop';
import { yieldToForeground } from '@/lib/jobs/foreground-work';
import { processDueBankNotifications } from './process-bank-notifications';

/** How often an idle processor looks for notifications another instance received, or whose retry time has come. */
const IDLE_POLL_MS = 1_000;
const WORKERS = 2;

// On globalThis: Next.js may load this module once per route bundle, and the server's own webhook path
// (scripts/app-process.ts) once more; all of them must see one processor.
const KEY = Symbol.for('bid-guarantee.bank-notification-processor');
const holder = globalThis as { [KEY]?: BackgroundLoop };

/**
 * The loop in each app process that records the banks' notifications: it works through the due ones as
 * long as there are any, then waits for a nudge (one received here) or the idle poll. Every instance may
 * run one; row locks (SKIP LOCKED) keep two from recording the same notification.
 */
export function startBankNotificationProcessor(getDb: () => Promise<Kysely<Database>>): void {
  if (holder[KEY]) return;
  holder[KEY] = startBackgroundLoop(
    async () => {
      // While banks wait for acknowledgements, each step waits a little first (lib/jobs/foreground-work.ts).
      await processDueBankNotifications(await getDb(), { workers: WORKERS, between: yieldToForeground });
      return false;
    },
    { idlePollMs: IDLE_POLL_MS, failureMessage: '银行通知入账轮询失败，稍后重试' },
  );
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
