import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientAddress } from './client-address';
import { normalizeAddress } from './ip-address';
import { PEER_ADDRESS_HEADER } from './peer-address';
import { rateLimitAddressKey } from './rate-limit-address';
import { parseTrustedProxies } from './trusted-proxies';

const NONE = parseTrustedProxies('');
const PROXIES = parseTrustedProxies('10.0.0.0/8, 2001:db8:ffff::/48, 127.0.0.1');

/** A request as the app's server hands it on: the socket's address stamped, plus what the client sent. */
const request = (peer: string, sent: Record<string, string> = {}) => new Headers({ ...sent, [PEER_ADDRESS_HEADER]: peer });
const address = (headers: Headers, trusted = NONE) => clientAddress(headers, { trusted, peerStamped: true });

describe('the client address', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is the socket\'s peer when no proxy is trusted, whatever X-Forwarded-For or X-Real-IP say', () => {
    for (const forged of ['1.2.3.4', '1.2.3.4, 5.6.7.8', 'unknown', '']) {
      expect(address(request('198.51.100.7', { 'x-forwarded-for': forged, 'x-real-ip': '9.9.9.9' }))).toBe('198.51.100.7');
    }
    expect(address(request('::ffff:198.51.100.7'))).toBe('198.51.100.7');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(address(request('198.51.100.7', { 'x-forwarded-for': '203.0.113.9' }), PROXIES)).toBe('198.51.100.7');
  });

  it('from a trusted proxy takes the right-most entry no trusted proxy owns', () => {
    expect(address(request('10.0.0.2', { 'x-forwarded-for': '203.0.113.9' }), PROXIES)).toBe('203.0.113.9');
    // The client wrote the first two entries; our edge proxy (10.0.0.5) appended the client, the inner one appended the edge.
    expect(address(request('10.0.0.2', { 'x-forwarded-for': '1.1.1.1, 9.9.9.9, 203.0.113.9, 10.0.0.5' }), PROXIES)).toBe('203.0.113.9');
    expect(address(request('127.0.0.1', { 'x-forwarded-for': '[2001:db8::1]:443' }), PROXIES)).toBe('2001:db8::1');
    expect(address(request('10.0.0.2', { 'x-forwarded-for': '2001:db8:ffff::7' }), PROXIES)).toBe('2001:db8:ffff::7');
  });

  it('from a trusted proxy without the header is X-Real-IP, else the proxy itself; a garbage hop stops at the last trusted one', () => {
    expect(address(request('10.0.0.2', { 'x-real-ip': '203.0.113.10' }), PROXIES)).toBe('203.0.113.10');
    expect(address(request('10.0.0.2'), PROXIES)).toBe('10.0.0.2');
    expect(address(request('10.0.0.2', { 'x-forwarded-for': '203.0.113.9, not-an-ip, 10.0.0.5' }), PROXIES)).toBe('10.0.0.5');
    expect(address(request('10.0.0.2', { 'x-forwarded-for': '10.0.0.9, 10.0.0.5' }), PROXIES)).toBe('10.0.0.9');
  });

  it('never believes a peer header the app\'s server did not write: in production all such requests share one bucket', () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(clientAddress(request('198.51.100.7', { 'x-forwarded-for': '198.51.100.8' }), { trusted: NONE, peerStamped: false })).toBe('unknown');
  });

  it('in development without the app\'s server is what Next.js wrote from the socket', () => {
    vi.stubEnv('NODE_ENV', 'development');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '127.0.0.1' }), { trusted: NONE, peerStamped: false })).toBe('127.0.0.1');
    expect(clientAddress(new Headers(), { trusted: NONE, peerStamped: false })).toBe('unknown');
  });

  it('is unknown without a usable peer', () => {
    expect(address(request(''))).toBe('unknown');
    expect(address(new Headers())).toBe('unknown');
  });
});

describe('TRUSTED_PROXIES', () => {
  it('takes addresses and CIDRs of both families', () => {
    const proxies = parseTrustedProxies(' 10.0.0.0/8 ,192.168.1.1, fd00::/8,::1 ');
    expect(['10.200.0.1', '192.168.1.1', 'fd12::3', '::1'].map(proxies.includes)).toEqual([true, true, true, true]);
    expect(['11.0.0.1', '192.168.1.2', 'fe80::1', '::2'].map(proxies.includes)).toEqual([false, false, false, false]);
  });

  it.each(['10.0.0.0/33', 'fd00::/129', 'proxy.internal', '10.0.0.0/8/1', '10.0.0/8', '10.0.0.0/x'])('refuses %s', (entry) => {
    expect(() => parseTrustedProxies(entry)).toThrow(/TRUSTED_PROXIES/);
  });
});

describe('addresses', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::FFFF:203.0.113.7', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
    ['[2001:DB8::1]:443', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['unknown', null],
    ['', null],
  ])('%s → %s', (raw, normalized) => {
    expect(normalizeAddress(raw)).toBe(normalized);
  });

  it('counts an IPv6 client by its /64, an IPv4 client by its address', () => {
    expect(rateLimitAddressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitAddressKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(rateLimitAddressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitAddressKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitAddressKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(rateLimitAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitAddressKey('unknown')).toBe('unknown');
  });
});
