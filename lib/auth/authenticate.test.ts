import { describe, expect, it } from 'vitest';
import { DEMO_PHONES } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { testDatabaseKinds } from '@/testing/test-database';
import { DEMO_PASSWORD } from '@/lib/platform/demo-data';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { fixedClock, useClock } from '@/lib/time/clock';
import { authenticate, SIGN_IN_LIMITS } from './authenticate';

describe.each(testDatabaseKinds)('sign-in on %s', (kind) => {
  const fixture = useDemoFixture(kind);

  it.each(Object.entries(DEMO_PHONES))('signs %s in with the right password', async (_key, phone) => {
    const actor = await authenticate(fixture.db, { phone, password: DEMO_PASSWORD });
    expect(actor?.phone).toBe(phone);
  });

  it('carries role, region and enterprise', async () => {
    const operator = await authenticate(fixture.db, { phone: DEMO_PHONES.operator, password: DEMO_PASSWORD });
    expect(operator).toMatchObject({ role: 'operator', regionId: '650100', enterpriseId: null, canEditRules: true });
    const bidder = await authenticate(fixture.db, { phone: DEMO_PHONES.bidder, password: DEMO_PASSWORD });
    expect(bidder?.role).toBe('bidder');
    expect(bidder?.enterpriseId).toEqual(expect.any(String));
  });

  it.each([
    ['a wrong password', { phone: DEMO_PHONES.bidder, password: 'demo12345' }],
    ['an unknown phone number', { phone: '13912345678', password: DEMO_PASSWORD }],
    ['a malformed phone number', { phone: '12345', password: DEMO_PASSWORD }],
    ['no password', { phone: DEMO_PHONES.bidder, password: '' }],
    ['no input at all', undefined],
  ])('refuses %s', async (_label, input) => {
    expect(await authenticate(fixture.db, input)).toBeNull();
  });

  it('refuses a deactivated account even with the right password', async () => {
    await fixture.db.updateTable('users').set({ active: false }).where('phone', '=', DEMO_PHONES.otherBidder).execute();
    expect(await authenticate(fixture.db, { phone: DEMO_PHONES.otherBidder, password: DEMO_PASSWORD })).toBeNull();
  });

  it('records each successful sign-in as the account\'s last, and not a failed one', async () => {
    const clock = fixedClock('2026-11-24T07:00:00Z');
    const restore = useClock(clock);
    const lastSignIn = async () =>
      (await fixture.db.selectFrom('users').select('last_signed_in_at').where('phone', '=', DEMO_PHONES.valuesOperator).executeTakeFirstOrThrow())
        .last_signed_in_at;
    try {
      const phone = DEMO_PHONES.valuesOperator;
      expect((await authenticate(fixture.db, { phone, password: DEMO_PASSWORD }, '198.51.100.40'))?.phone).toBe(phone);
      expect(await lastSignIn()).toEqual(new Date('2026-11-24T07:00:00Z'));
      clock.advance(60 * 60 * 1000);
      expect(await authenticate(fixture.db, { phone, password: 'not-the-password' }, '198.51.100.40')).toBeNull();
      expect(await lastSignIn()).toEqual(new Date('2026-11-24T07:00:00Z'));
      expect((await authenticate(fixture.db, { phone, password: DEMO_PASSWORD }, '198.51.100.41'))?.phone).toBe(phone);
      expect(await lastSignIn()).toEqual(new Date('2026-11-24T08:00:00Z'));
    } finally {
      restore();
    }
  });

  it('holds an account back after repeated failures from one address, even from the right password, until the window ends', async () => {
    const clock = fixedClock('2026-11-24T03:00:00Z');
    const restore = useClock(clock);
    try {
      const phone = DEMO_PHONES.compliance;
      for (let i = 0; i < SIGN_IN_LIMITS.perPhoneAndAddress; i++) {
        expect(await authenticate(fixture.db, { phone, password: `wrong-${i}` }, '198.51.100.7')).toBeNull();
      }
      const held = await expectRefusal(authenticate(fixture.db, { phone, password: DEMO_PASSWORD }, '198.51.100.7'));
      expect([held.code, held.message]).toEqual(['RATE_LIMITED', '登录失败次数过多，请 15 分钟后再试']);
      // The account's owner elsewhere, and another account here, are not held back; nor is anyone after the window.
      expect((await authenticate(fixture.db, { phone, password: DEMO_PASSWORD }, '198.51.100.8'))?.phone).toBe(phone);
      expect((await authenticate(fixture.db, { phone: DEMO_PHONES.operator, password: DEMO_PASSWORD }, '198.51.100.7'))?.phone).toBe(DEMO_PHONES.operator);
      clock.advance(15 * 60 * 1000);
      expect((await authenticate(fixture.db, { phone, password: DEMO_PASSWORD }, '198.51.100.7'))?.phone).toBe(phone);
    } finally {
      restore();
    }
  });

  it('does not count successful sign-ins', async () => {
    const restore = useClock(fixedClock('2026-11-24T05:00:00Z'));
    try {
      for (let i = 0; i < SIGN_IN_LIMITS.perPhoneAndAddress * 2; i++) {
        expect((await authenticate(fixture.db, { phone: DEMO_PHONES.bidder, password: DEMO_PASSWORD }, '198.51.100.20'))?.phone).toBe(DEMO_PHONES.bidder);
      }
    } finally {
      restore();
    }
  });

  it('lets no more parallel guesses through than the limit', async () => {
    const restore = useClock(fixedClock('2026-11-24T06:00:00Z'));
    try {
      const attempts = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => authenticate(fixture.db, { phone: DEMO_PHONES.operator, password: `guess-${i}` }, '198.51.100.30')),
      );
      const checked = attempts.filter((a) => a.status === 'fulfilled');
      const held = attempts.filter((a) => a.status === 'rejected' && (a.reason as { code?: string }).code === 'RATE_LIMITED');
      expect(checked.length).toBeLessThanOrEqual(SIGN_IN_LIMITS.perPhoneAndAddress);
      expect(checked.length + held.length).toBe(20);
    } finally {
      restore();
    }
  });

  it('holds back a client address that fails across many accounts', async () => {
    const clock = fixedClock('2026-11-24T04:00:00Z');
    const restore = useClock(clock);
    try {
      for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
        expect(await authenticate(fixture.db, { phone: `1391234${String(i).padStart(4, '0')}`, password: 'guess' }, '203.0.113.50')).toBeNull();
      }
      const held = await expectRefusal(authenticate(fixture.db, { phone: DEMO_PHONES.bidder, password: DEMO_PASSWORD }, '203.0.113.50'));
      expect(held.code).toBe('RATE_LIMITED');
      expect((await authenticate(fixture.db, { phone: DEMO_PHONES.bidder, password: DEMO_PASSWORD }, '203.0.113.51'))?.phone).toBe(DEMO_PHONES.bidder);
    } finally {
      restore();
    }
  });
});
