import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors/domain-error';
import { now, systemClock, useClock } from './clock';
import { setTestClock } from './test-clock-control';

const TOKEN = 'a-test-token-of-enough-length';

describe('the browser tests\' clock control', () => {
  const saved = { control: process.env.E2E_CLOCK_CONTROL, url: process.env.DATABASE_URL };
  afterEach(() => {
    if (saved.control === undefined) delete process.env.E2E_CLOCK_CONTROL;
    else process.env.E2E_CLOCK_CONTROL = saved.control;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
    useClock(systemClock);
  });

  it('moves the clock for a caller with the token', () => {
    process.env.E2E_CLOCK_CONTROL = TOKEN;
    delete process.env.DATABASE_URL;
    setTestClock(TOKEN, { at: '2030-01-01T00:00:00Z' });
    expect(Math.abs(now().getTime() - Date.parse('2030-01-01T00:00:00Z'))).toBeLessThan(5_000);
    setTestClock(TOKEN, { at: null });
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(5_000);
  });

  it.each([
    ['without the variable', undefined, TOKEN, undefined],
    ['with a short token', 'short', 'short', undefined],
    ['with a wrong token', TOKEN, 'another-token-of-enough-len', undefined],
    ['without a presented token', TOKEN, null, undefined],
    ['on PostgreSQL', TOKEN, TOKEN, 'postgres://db/app'],
  ])('does not exist %s', (_case, control, presented, url) => {
    if (control === undefined) delete process.env.E2E_CLOCK_CONTROL;
    else process.env.E2E_CLOCK_CONTROL = control;
    if (url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = url;
    expect(() => setTestClock(presented, { at: '2030-01-01T00:00:00Z' })).toThrow(DomainError);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(5_000);
  });
});
