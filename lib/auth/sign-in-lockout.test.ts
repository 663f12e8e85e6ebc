import { describe, expect, it } from 'vitest';
import { DEMO_PHONES, type DemoFixture } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { testDatabaseKinds } from '@/testing/test-database';
import { DEMO_PASSWORD } from '@/lib/platform/demo-data';
import { DomainError } from '@/lib/errors/domain-error';
import { fixedClock, useClock } from '@/lib/time/clock';
import { authenticate, SIGN_IN_LIMITS } from './authenticate';
import { KNOWN_ADDRESS_DAYS } from './known-sign-in-addresses';

const DAY = 24 * 60 * 60 * 1000;
const attempt = (f: DemoFixture, phone: string, password: string, address: string) =>
  authenticate(f.db, { phone, password }, address).then(
    (actor) => (actor ? 'signed-in' : 'wrong'),
    (e: unknown) => (e instanceof DomainError && e.code === 'RATE_LIMITED' ? 'held' : Promise.reject(e)),
  );

describe.each(testDatabaseKinds)('sign-in lockout on %s', (kind) => {
  const f = useDemoFixture(kind);

  it('a stranger failing from many addresses cannot keep the owner out at an address the owner signs in from', async () => {
    const clock = fixedClock('2026-11-24T03:00:00Z');
    const restore = useClock(clock);
    try {
      const phone = DEMO_PHONES.bidder;
      // Last week the owner signed in from the office.
      clock.set(new Date(clock.now().getTime() - 7 * DAY));
      expect(await attempt(f, phone, DEMO_PASSWORD, '198.51.100.10')).toBe('signed-in');
      clock.set(new Date('2026-11-24T03:00:00Z'));
      for (let i = 0; i < SIGN_IN_LIMITS.perPhone + 10; i++) await attempt(f, phone, `wrong-${i}`, `203.0.113.${i + 1}`);
      expect(await attempt(f, phone, DEMO_PASSWORD, '198.51.100.10')).toBe('signed-in');
      // Also right after another success, and with a typo in between.
      expect(await attempt(f, phone, 'typo', '198.51.100.10')).toBe('wrong');
      expect(await attempt(f, phone, DEMO_PASSWORD, '198.51.100.10')).toBe('signed-in');
    } finally {
      restore();
    }
  });

  it('bounds guesses at one account from many addresses: past the ceiling no new address has its password checked', async () => {
    const restore = useClock(fixedClock('2026-11-24T05:00:00Z'));
    try {
      const phone = DEMO_PHONES.operator;
      const outcomes = [];
      for (let i = 0; i < 60; i++) outcomes.push(await attempt(f, phone, `guess-${i}`, `192.0.2.${i + 1}`));
      expect(outcomes.filter((o) => o === 'wrong')).toHaveLength(SIGN_IN_LIMITS.perPhone);
      expect(outcomes.slice(SIGN_IN_LIMITS.perPhone).every((o) => o === 'held')).toBe(true);
      // Even the right password from a new address waits for the window; the spread-out guesser learns nothing.
      expect(await attempt(f, phone, DEMO_PASSWORD, '192.0.2.200')).toBe('held');
    } finally {
      restore();
    }
  });

  it('holds back parallel guesses from many addresses at the ceiling too', async () => {
    const restore = useClock(fixedClock('2026-11-24T06:00:00Z'));
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, (_, i) => attempt(f, DEMO_PHONES.otherOperator, `guess-${i}`, `198.18.0.${i + 1}`)),
      );
      expect(outcomes.filter((o) => o === 'wrong').length).toBeLessThanOrEqual(SIGN_IN_LIMITS.perPhone);
    } finally {
      restore();
    }
  });

  it('a known address still has its own per-address limit, and stays known only for a while', async () => {
    const clock = fixedClock('2026-11-24T08:00:00Z');
    const restore = useClock(clock);
    try {
      const phone = DEMO_PHONES.compliance;
      expect(await attempt(f, phone, DEMO_PASSWORD, '198.51.100.20')).toBe('signed-in');
      for (let i = 0; i < SIGN_IN_LIMITS.perPhoneAndAddress; i++) expect(await attempt(f, phone, `wrong-${i}`, '198.51.100.20')).toBe('wrong');
      expect(await attempt(f, phone, DEMO_PASSWORD, '198.51.100.20')).toBe('held');

      clock.set(new Date(clock.now().getTime() + (KNOWN_ADDRESS_DAYS + 1) * DAY));
      for (let i = 0; i < SIGN_IN_LIMITS.perPhone; i++) await attempt(f, phone, `wrong-${i}`, `198.51.101.${i + 1}`);
      expect(await attempt(f, phone, DEMO_PASSWORD, '198.51.100.20')).toBe('held');
    } finally {
      restore();
    }
  });

  it('never makes the shared "unknown" address known', async () => {
    const restore = useClock(fixedClock('2026-11-24T10:00:00Z'));
    try {
      const phone = DEMO_PHONES.otherBidder;
      expect(await attempt(f, phone, DEMO_PASSWORD, 'unknown')).toBe('signed-in');
      for (let i = 0; i < SIGN_IN_LIMITS.perPhone; i++) await attempt(f, phone, `wrong-${i}`, `198.51.102.${i + 1}`);
      expect(await attempt(f, phone, DEMO_PASSWORD, 'unknown')).toBe('held');
      expect(await f.db.selectFrom('known_sign_in_addresses').select('address').where('address', '=', 'unknown').execute()).toEqual([]);
    } finally {
      restore();
    }
  });
});
