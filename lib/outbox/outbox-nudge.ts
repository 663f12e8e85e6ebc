/**
 * How a message written in this process reaches this process's worker at once rather than at its next idle
 * poll. Kept apart from the worker (and on globalThis, as Next.js may load a module once per route bundle),
 * so that writing a message does not import the deliverers and everything they read.
 */
const KEY = Symbol.for('bid-guarantee.outbox-worker-nudge');
const holder = globalThis as { [KEY]?: () => void };

export function setOutboxNudge(nudge: (() => void) | undefined): void {
  holder[KEY] = nudge;
}

/** A message was just written: the worker looks soon (after the writing transaction has had time to commit). */
export function nudgeOutboxWorker(): void {
  holder[KEY]?.();
}
