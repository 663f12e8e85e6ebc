import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PHONES, openDemoFixture, type DemoFixture } from '@/db/testing/demo-fixture';
import { testDatabaseKinds } from '@/db/testing/test-database';
import { DEMO_PASSWORD } from '@/db/seed/demo-data';
import { authenticate } from './authenticate';

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
});
