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
const holder = globalThis as { [KEY]?: Clock };

export function now(): Date {
  return (holder[KEY] ?? systemClock).now();
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
