import { afterAll, beforeAll, beforeEach } from 'vitest';
import { fixedClock, useClock } from '@/lib/time/clock';
import { SEEDED_AT } from './demo-fixture';

/**
 * For a describe block: "now" is a fixed clock at `start` (the demo data's seeding moment unless told
 * otherwise) from its first hook to its last, and every test begins at `start` again, so a test that moves
 * the clock does not move it for the tests after it. Returns the clock, for tests to move.
 *
 * The reset runs before each test, after the block's `beforeAll` hooks: set up in a `beforeAll` at `start`
 * (or move the clock there and back), and move it for a test inside the test or in a `beforeEach`.
 */
export function useFixedClock(start: Date | string = SEEDED_AT) {
  const clock = fixedClock(start);
  let restore: (() => void) | undefined;
  beforeAll(() => {
    restore = useClock(clock);
  });
  beforeEach(() => {
    clock.set(start);
  });
  afterAll(() => {
    restore?.();
    restore = undefined;
  });
  return clock;
}
