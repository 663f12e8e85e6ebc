import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The one source of "now". Deadlines, bid openings and refunds all depend on time, so tests move this
 * clock instead of waiting or patching Date.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

// Kept on globalThis: a bundler may load this module more than once in one server process, and every
// copy must read the same clock.
const KEY = Symbol.for('bid-guarantee.clock');
const SCOPE_KEY = Symbol.for('bid-guarantee.clock-scope');
const holder = globalThis as { [KEY]?: Clock; [SCOPE_KEY]?: AsyncLocalStorage<Clock> };
const scopes = (holder[SCOPE_KEY] ??= new AsyncLocalStorage<Clock>());

export function now(): Date {
  return (scopes.getStore() ?? holder[KEY] ?? systemClock).now();
}

/**
 * Runs `work` under its own clock: `work` and everything it awaits read it, while every other request of the
 * process keeps the process's clock (the demo seed makes orders "days ago" on a server that already answers).
 */
export function withClock<T>(clock: Clock, work: () => Promise<T>): Promise<T> {
  return scopes.run(clock, work);
}

/** For tests: replace the clock; returns a function that restores the previous one. */
export function useClock(clock: Clock): () => void {
  const previous = holder[KEY];
  holder[KEY] = clock;
  return () => {
    holder[KEY] = previous;
  };
}

/** A clock fixed at a moment that tests can advance. */
export function fixedClock(start: Date | string): Clock & { advance(ms: number): void; set(at: Date | string): void } {
  let at = new Date(start);
  return {
    now: () => new Date(at),
    advance: (ms) => {
      at = new Date(at.getTime() + ms);
    },
    set: (to) => {
      at = new Date(to);
    },
  };
}

/** A clock that reads `start` now and then runs on at real speed (browser tests of a running server). */
export function shiftedClock(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
