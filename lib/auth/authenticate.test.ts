import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PHONES, openDemoFixture, type DemoFixture } from '@/db/testing/demo-fixture';
import { testDatabaseKinds } from '@/db/testing/test-database';
import { DEMO_PASSWORD } from '@/db/seed/demo-data';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { fixedClock, useClock } from '@/lib/time/clock';
import { authenticate, SIGN_IN_FAILURE_LIMITS } from './authenticate';

describe.each(testDatabaseKinds)('sign-in on %s', (kind) => {
  let fixture: DemoFixture;
  beforeAll(async () => {
    fixture = await openDemoFixture(kind);
  });
  afterAll(() => fixture?.close());

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

  it('holds an account back after repeated failures, even from the right password, until the window ends', async () => {
    const clock = fixedClock('2026-11-24T03:00:00Z');
    const restore = useClock(clock);
    try {
      const phone = DEMO_PHONES.compliance;
      for (let i = 0; i < SIGN_IN_FAILURE_LIMITS.perPhone; i++) {
        expect(await authenticate(fixture.db, { phone, password: `wrong-${i}` }, `198.51.100.${i}`)).toBeNull();
      }
      const held = await expectRefusal(authenticate(fixture.db, { phone, password: DEMO_PASSWORD }, '198.51.100.99'));
      expect([held.code, held.message]).toEqual(['RATE_LIMITED', '登录失败次数过多，请 15 分钟后再试']);
      // Another account is not held back; the same one is again once the window has passed.
      expect((await authenticate(fixture.db, { phone: DEMO_PHONES.operator, password: DEMO_PASSWORD }, '198.51.100.99'))?.phone).toBe(DEMO_PHONES.operator);
      clock.advance(15 * 60 * 1000);
      expect((await authenticate(fixture.db, { phone, password: DEMO_PASSWORD }, '198.51.100.99'))?.phone).toBe(phone);
    } finally {
      restore();
    }
  });

  it('holds back a client address that fails across many accounts', async () => {
    const clock = fixedClock('2026-11-24T04:00:00Z');
    const restore = useClock(clock);
    try {
      for (let i = 0; i < SIGN_IN_FAILURE_LIMITS.perAddress; i++) {
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
