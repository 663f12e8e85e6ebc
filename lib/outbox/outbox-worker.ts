import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { startBackgroundLoop, type BackgroundLoop } from '@/lib/jobs/background-loop';
import { yieldToForeground } from '@/lib/jobs/foreground-work';
import type { Deliverers } from './deliverer';
import { deliverDueOutboxMessages } from './deliver-due-messages';
import { setOutboxNudge } from './outbox-nudge';

/** How often an idle worker looks for messages written by another instance, or whose retry is due. */
const IDLE_POLL_MS = 2_000;
/** A nudge waits this long, so that the transaction that wrote the message has committed by then. */
const NUDGE_DELAY_MS = 20;

const KEY = Symbol.for('bid-guarantee.outbox-worker');
const holder = globalThis as { [KEY]?: BackgroundLoop };

/**
 * The loop in each app process that delivers the outbox: it works through the due messages while there are
 * any, then waits for a nudge (a message written here) or the idle poll. Every instance may run one; the
 * claims (SKIP LOCKED and a lease) keep two from holding the same message.
 */
export function startOutboxWorker(getDb: () => Promise<Kysely<Database>>, deliverers: () => Deliverers): void {
  if (holder[KEY]) return;
  const loop = startBackgroundLoop(
    async () => {
      // Mails and callbacks can wait a moment while banks wait for their answers (lib/jobs/foreground-work.ts).
      await yieldToForeground();
      return (await deliverDueOutboxMessages(await getDb(), { deliverers: deliverers() })).claimed > 0;
    },
    { idlePollMs: IDLE_POLL_MS, nudgeDelayMs: NUDGE_DELAY_MS, failureMessage: '推送消息投递轮询失败，稍后重试' },
  );
  holder[KEY] = loop;
  setOutboxNudge(() => loop.nudge());
}

export async function stopOutboxWorker(): Promise<void> {
  const worker = holder[KEY];
  holder[KEY] = undefined;
  setOutboxNudge(undefined);
  await worker?.stop();
}
