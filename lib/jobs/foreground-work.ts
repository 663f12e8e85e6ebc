/**
 * Work someone is waiting for right now (a bank waiting for its acknowledgement) counts itself here, and
 * background loops (recording notifications, rendering documents) step aside while there is any: on a
 * small machine in a deadline rush the answers come first, and the background catches up as soon as the
 * rush eases. On globalThis: Next.js may load this module once per route bundle, and the server's own
 * webhook path (scripts/app-process.ts) once more; all must share one count.
 */
const KEY = Symbol.for('bid-guarantee.foreground-work-in-flight');
const holder = globalThis as { [KEY]?: number };

/** Runs `work`, counted as foreground work while it runs. */
export async function asForegroundWork<T>(work: () => Promise<T>): Promise<T> {
  holder[KEY] = (holder[KEY] ?? 0) + 1;
  try {
    return await work();
  } finally {
    holder[KEY] = (holder[KEY] ?? 1) - 1;
  }
}

export function foregroundWorkInFlight(): number {
  return holder[KEY] ?? 0;
}

/**
 * How long a background loop waits between two steps while foreground work is in flight. It still takes
 * a step every so often, so a rush that never ends cannot stop it altogether.
 */
export const BACKGROUND_PAUSE_MS = 100;

/** Between two steps of background work: waits BACKGROUND_PAUSE_MS if foreground work is in flight. */
export async function yieldToForeground(pauseMs = BACKGROUND_PAUSE_MS): Promise<void> {
  if (foregroundWorkInFlight() === 0) return;
  await new Promise<void>((resolve) => setTimeout(resolve, pauseMs).unref());
}
