export interface BackgroundLoop {
  /** Work was just made here (a notification stored, a policy issued): do a round soon, not at the next poll. */
  nudge(): void;
  /** Ends the loop once the round in progress, if any, is over. */
  stop(): Promise<void>;
}

export interface BackgroundLoopOptions {
  /** How long an idle loop waits for a nudge before it looks anyway (work made by another instance, a retry due). */
  idlePollMs: number;
  /** A nudge takes effect this much later: time for the transaction that made the work to commit. */
  nudgeDelayMs?: number;
  /** Logged with the error when a round fails; the loop then waits the idle poll and goes on. */
  failureMessage: string;
}

/**
 * A loop of background work in an app process: `round` does one round and says whether it found work. The
 * loop goes on at once while there is work, then sleeps until a nudge or the idle poll. A nudge that comes
 * during a round is not lost: another round follows it.
 */
export function startBackgroundLoop(round: () => Promise<boolean>, options: BackgroundLoopOptions): BackgroundLoop {
  let stopped = false;
  let nudged = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number): Promise<void> =>
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
  const done = (async () => {
    while (!stopped) {
      nudged = false;
      let foundWork = false;
      try {
        foundWork = await round();
      } catch (error) {
        console.error(options.failureMessage, error);
      }
      if (!stopped && !foundWork && !nudged) await sleep(options.idlePollMs);
      // Between two rounds the event loop runs what is waiting (answers, I/O) even when each round found work.
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
  })();
  const wakeUp = () => {
    nudged = true;
    wake?.();
  };
  return {
    nudge() {
      if (options.nudgeDelayMs) setTimeout(wakeUp, options.nudgeDelayMs).unref();
      else wakeUp();
    },
    async stop() {
      stopped = true;
      wake?.();
      await done;
    },
  };
}
