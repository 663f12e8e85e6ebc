/**
 * The one source of "now". Deadlines, bid openings and refunds all depend on time, so tests move this
 * clock instead of waiting or patching Date.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

let current: Clock = systemClock;

export function now(): Date {
  return current.now();
}

/** For tests: replace the clock; returns a function that restores the previous one. */
export function useClock(clock: Clock): () => void {
  const previous = current;
  current = clock;
  return () => {
    current = previous;
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
