import { describe, expect, it } from 'vitest';
import { DEMO_PHONES } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { testDatabaseKinds } from '@/testing/test-database';
import { DEMO_PASSWORD } from '@/lib/platform/demo-data';
import { authenticate } from './authenticate';
import { actorForSession } from './session-actor';
import { bumpSessionVersion, endSession } from './session-version';

describe.each(testDatabaseKinds)('sessions ended on the server on %s', (kind) => {
  const f = useDemoFixture(kind);

  /** Signs in as the login form does and returns what the session token carries. */
  async function signIn(phone: string) {
    const signedIn = await authenticate(f.db, { phone, password: DEMO_PASSWORD }, '198.51.100.1');
    if (!signedIn) throw new Error(`could not sign ${phone} in`);
    return { userId: signedIn.userId, sessionVersion: signedIn.sessionVersion };
  }

  it('a token works while the account is at the version it was issued at', async () => {
    const token = await signIn(DEMO_PHONES.bidder);
    expect(token.sessionVersion).toBe(0);
    expect((await actorForSession(f.db, token))?.phone).toBe(DEMO_PHONES.bidder);
  });

  it('signing out ends the token and every copy of it; the next sign-in gets a working one', async () => {
    const token = await signIn(DEMO_PHONES.bidder);
    const copied = { ...token };
    await endSession(f.db, token);
    expect(await actorForSession(f.db, copied)).toBeNull();
    const next = await signIn(DEMO_PHONES.bidder);
    expect(next.sessionVersion).toBe(token.sessionVersion + 1);
    expect((await actorForSession(f.db, next))?.phone).toBe(DEMO_PHONES.bidder);
  });

  it('signing out with an old, stale token does not end the session opened since', async () => {
    const stale = await signIn(DEMO_PHONES.operator);
    await endSession(f.db, stale);
    const current = await signIn(DEMO_PHONES.operator);
    await endSession(f.db, stale);
    expect((await actorForSession(f.db, current))?.phone).toBe(DEMO_PHONES.operator);
  });

  it('bumpSessionVersion (password change, deactivation) ends every live session of the account, and only of it', async () => {
    const laptop = await signIn(DEMO_PHONES.compliance);
    const phone = await signIn(DEMO_PHONES.compliance);
    const someoneElse = await signIn(DEMO_PHONES.platformAdmin);
    await bumpSessionVersion(f.db, laptop.userId);
    expect(await actorForSession(f.db, laptop)).toBeNull();
    expect(await actorForSession(f.db, phone)).toBeNull();
    expect((await actorForSession(f.db, someoneElse))?.phone).toBe(DEMO_PHONES.platformAdmin);
  });

  it('a deactivated account\'s live token stops working at its next request', async () => {
    const token = await signIn(DEMO_PHONES.otherBidder);
    expect(await actorForSession(f.db, token)).not.toBeNull();
    await f.db.updateTable('users').set({ active: false }).where('id', '=', token.userId).execute();
    expect(await actorForSession(f.db, token)).toBeNull();
  });

  it.each([
    ['no claims', null],
    ['no user', { sessionVersion: 0 }],
    ['a token issued before versions existed', { sessionVersion: undefined }],
    ['a version that is not a whole number', { sessionVersion: '0' }],
  ])('is nobody for %s', async (_label, claims) => {
    const { userId } = await signIn(DEMO_PHONES.platformAdmin);
    const withUser = claims && 'sessionVersion' in claims && _label !== 'no user' ? { userId, ...claims } : claims;
    expect(await actorForSession(f.db, withUser)).toBeNull();
  });
});
