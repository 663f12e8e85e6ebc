import { describe, expect, it } from 'vitest';
import { asForegroundWork, foregroundWorkInFlight, yieldToForeground } from './foreground-work';

describe('background work steps aside for foreground work', () => {
  it('counts foreground work while it runs, failures included', async () => {
    expect(foregroundWorkInFlight()).toBe(0);
    let release!: () => void;
    const running = asForegroundWork(() => new Promise<void>((resolve) => (release = resolve)));
    const failing = asForegroundWork(async () => {
      throw new Error('refused');
    }).catch((error: Error) => error.message);
    expect(foregroundWorkInFlight()).toBe(2);
    expect(await failing).toBe('refused');
    expect(foregroundWorkInFlight()).toBe(1);
    release();
    await running;
    expect(foregroundWorkInFlight()).toBe(0);
  });

  it('pauses a background step only while foreground work is in flight', async () => {
    let started = performance.now();
    await yieldToForeground(200);
    expect(performance.now() - started).toBeLessThan(50);
    let release!: () => void;
    const running = asForegroundWork(() => new Promise<void>((resolve) => (release = resolve)));
    started = performance.now();
    await yieldToForeground(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    release();
    await running;
  });
});
