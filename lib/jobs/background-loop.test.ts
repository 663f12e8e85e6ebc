import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBackgroundLoop, type BackgroundLoop } from './background-loop';

const until = async (condition: () => boolean, withinMs = 2_000) => {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('a background loop', () => {
  let loop: BackgroundLoop | undefined;
  afterEach(async () => {
    await loop?.stop();
    loop = undefined;
    vi.restoreAllMocks();
  });

  it('goes on at once while it finds work, then sleeps until a nudge wakes it (long before the idle poll)', async () => {
    let work = 3;
    let rounds = 0;
    loop = startBackgroundLoop(async () => {
      rounds += 1;
      if (work === 0) return false;
      work -= 1;
      return true;
    }, { idlePollMs: 60_000, failureMessage: 'x' });
    await until(() => rounds === 4);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rounds).toBe(4);
    work = 1;
    loop.nudge();
    await until(() => rounds === 6);
    expect(work).toBe(0);
  });

  it('does not lose a nudge that comes during a round', async () => {
    let rounds = 0;
    let release!: () => void;
    loop = startBackgroundLoop(async () => {
      rounds += 1;
      if (rounds === 1) await new Promise<void>((resolve) => (release = resolve));
      return false;
    }, { idlePollMs: 60_000, failureMessage: 'x' });
    await until(() => rounds === 1 && release !== undefined);
    loop.nudge();
    release();
    await until(() => rounds === 2);
  });

  it('logs a failed round and goes on after the idle poll', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let rounds = 0;
    loop = startBackgroundLoop(async () => {
      rounds += 1;
      if (rounds === 1) throw new Error('database gone');
      return false;
    }, { idlePollMs: 20, failureMessage: '后台任务失败' });
    await until(() => rounds >= 2);
    expect(errors).toHaveBeenCalledWith('后台任务失败', expect.objectContaining({ message: 'database gone' }));
  });

  it('stops after the round in progress', async () => {
    let rounds = 0;
    loop = startBackgroundLoop(async () => {
      rounds += 1;
      return true;
    }, { idlePollMs: 60_000, failureMessage: 'x' });
    await until(() => rounds > 2);
    await loop.stop();
    const after = rounds;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(rounds).toBe(after);
  });
});
