/** The first retry of a failed attempt comes this much later; each one after it waits twice as long. */
export const FIRST_RETRY_DELAY_MS = 30_000;
/** No wait between two attempts is longer than this. */
export const MAX_RETRY_DELAY_MS = 4 * 60 * 60_000;
/** A message is retried for this long after it was written (and after each 立即重试); then it is 投递失败. */
export const RETRY_WINDOW_MS = 24 * 60 * 60_000;
/** One attempt (connect, send, answer) may take this long; then it counts as failed. */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/**
 * A claimed message is its worker's for this long: well beyond an attempt's timeout, so a live worker always
 * records its outcome first, and a worker that died lets the message go after it.
 */
export const DELIVERY_LEASE_MS = 60_000;

/** The wait after failed attempt `attempt` (from 1): 30 s, 1 min, 2 min, 4 min, … at most 4 hours. */
export function retryDelayMs(attempt: number): number {
  return Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, attempt - 1));
}

/**
 * When a message whose attempt `attempt` failed at `at` is tried next, or null when its retries are over.
 * The last retry falls on the end of the window itself, so a message is tried for the full 24 hours.
 */
export function nextAttemptAt(attempt: number, at: Date, giveUpAt: Date): Date | null {
  if (at.getTime() >= giveUpAt.getTime()) return null;
  return new Date(Math.min(at.getTime() + retryDelayMs(attempt), giveUpAt.getTime()));
}
