import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, now, useClock, withClock } from './clock';

describe('withClock', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('gives its work a clock of its own while the rest of the process keeps the process clock', async () => {
    restore = useClock(fixedClock('2026-03-15T02:00:00Z'));
    const past = fixedClock('2026-02-01T00:00:00Z');
    const outside: string[] = [];
    const inside = withClock(past, async () => {
      const seen = [now().toISOString()];
      await new Promise((resolve) => setTimeout(resolve, 5));
      past.set('2026-02-02T00:00:00Z');
      seen.push(now().toISOString());
      await Promise.resolve();
      seen.push(now().toISOString());
      return seen;
    });
    // Runs while the work above is waiting on its timer.
    outside.push(now().toISOString());
    await new Promise((resolve) => setTimeout(resolve, 1));
    outside.push(now().toISOString());

    expect(await inside).toEqual(['2026-02-01T00:00:00.000Z', '2026-02-02T00:00:00.000Z', '2026-02-02T00:00:00.000Z']);
    expect(outside).toEqual(['2026-03-15T02:00:00.000Z', '2026-03-15T02:00:00.000Z']);
    expect(now().toISOString()).toBe('2026-03-15T02:00:00.000Z');
  });

  it('ends with its work, also when the work fails', async () => {
    restore = useClock(fixedClock('2026-03-15T02:00:00Z'));
    await expect(withClock(fixedClock('2020-01-01T00:00:00Z'), async () => Promise.reject(new Error('失败')))).rejects.toThrow('失败');
    expect(now().toISOString()).toBe('2026-03-15T02:00:00.000Z');
  });
});
