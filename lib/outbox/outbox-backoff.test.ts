import { describe, expect, it } from 'vitest';
import { DELIVERY_LEASE_MS, ATTEMPT_TIMEOUT_MS, nextAttemptAt, retryDelayMs, RETRY_WINDOW_MS } from './outbox-backoff';

const HOUR = 60 * 60_000;

describe('the outbox backoff', () => {
  it('doubles from 30 seconds and never waits more than 4 hours', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 50].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_840_000, 7_680_000, 4 * HOUR, 4 * HOUR, 4 * HOUR,
    ]);
  });

  it('places the last retry on the end of the 24 hours, and none after', () => {
    const start = new Date('2026-11-24T00:00:00Z');
    const giveUpAt = new Date(start.getTime() + RETRY_WINDOW_MS);
    expect(nextAttemptAt(1, start, giveUpAt)).toEqual(new Date(start.getTime() + 30_000));
    expect(nextAttemptAt(12, new Date(giveUpAt.getTime() - HOUR), giveUpAt)).toEqual(giveUpAt);
    expect(nextAttemptAt(13, giveUpAt, giveUpAt)).toBeNull();
    expect(nextAttemptAt(13, new Date(giveUpAt.getTime() + 1), giveUpAt)).toBeNull();
  });

  it('gives an attempt 10 seconds and its worker a lease well beyond that', () => {
    expect(ATTEMPT_TIMEOUT_MS).toBe(10_000);
    expect(DELIVERY_LEASE_MS).toBeGreaterThanOrEqual(ATTEMPT_TIMEOUT_MS * 3);
  });
});
