import { describe, expect, it } from 'vitest';
import { DEMO_PHONES } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { DEMO_PASSWORD } from '@/lib/platform/demo-data';
import { authenticate, SIGN_IN_LIMITS } from '@/lib/auth/authenticate';
import { DomainError } from '@/lib/errors/domain-error';
import { verifyPolicy, VERIFY_RATE_LIMIT } from '@/lib/policies/verify-policy';
import { clientAddress } from './client-address';
import { PEER_ADDRESS_HEADER } from './peer-address';
import { parseTrustedProxies } from './trusted-proxies';

const trusted = parseTrustedProxies('10.0.0.0/8');
/** A request as the route sees it: the app's server stamped the socket's peer; the rest is what was sent. */
const addressOf = (peer: string, forwardedFor?: string) =>
  clientAddress(new Headers({ [PEER_ADDRESS_HEADER]: peer, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) }), { trusted, peerStamped: true });

const refused = (promise: Promise<unknown>) => promise.then(() => false, (e: unknown) => e instanceof DomainError && e.code === 'RATE_LIMITED');

describe.each(testDatabaseKinds)('rate limits against forged client addresses on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock('2026-11-24T07:00:00Z');

  it('/verify: a new X-Forwarded-For on every query from one untrusted peer is still one client', async () => {
    const query = { policyNumber: 'BD1', verificationCode: 'X' };
    const outcomes = [];
    for (let i = 0; i < VERIFY_RATE_LIMIT.limit + 5; i++) outcomes.push(await refused(verifyPolicy(f.db, addressOf('198.51.100.40', `203.0.113.${i}`), query)));
    expect(outcomes.filter(Boolean)).toHaveLength(5);
  });

  it('/verify: behind a trusted proxy each client counts on its own, and forging to the left of the proxy\'s entry changes nothing', async () => {
    const query = { policyNumber: 'BD1', verificationCode: 'X' };
    const outcomes = [];
    for (let i = 0; i < VERIFY_RATE_LIMIT.limit + 3; i++) outcomes.push(await refused(verifyPolicy(f.db, addressOf('10.0.0.2', `192.0.2.${i}, 203.0.113.200`), query)));
    expect(outcomes.filter(Boolean)).toHaveLength(3);
    expect(await refused(verifyPolicy(f.db, addressOf('10.0.0.2', '203.0.113.201'), query))).toBe(false);
  });

  it('/verify: rotating through an IPv6 /64 is one client', async () => {
    const query = { policyNumber: 'BD1', verificationCode: 'X' };
    const outcomes = [];
    for (let i = 0; i < VERIFY_RATE_LIMIT.limit + 2; i++) outcomes.push(await refused(verifyPolicy(f.db, addressOf(`2001:db8:5:6::${(i + 1).toString(16)}`), query)));
    expect(outcomes.filter(Boolean)).toHaveLength(2);
  });

  it('sign-in: a new X-Forwarded-For on every guess from one untrusted peer is held back at the per-address limit', async () => {
    const outcomes = [];
    for (let i = 0; i < SIGN_IN_LIMITS.perPhoneAndAddress + 3; i++) {
      outcomes.push(await refused(authenticate(f.db, { phone: DEMO_PHONES.compliance, password: `guess-${i}` }, addressOf('198.51.100.41', `203.0.113.${i}`))));
    }
    expect(outcomes.filter(Boolean)).toHaveLength(3);
    expect(await refused(authenticate(f.db, { phone: DEMO_PHONES.compliance, password: DEMO_PASSWORD }, addressOf('198.51.100.41', '192.0.2.77')))).toBe(true);
  });
});
