import { BlockList } from 'node:net';
import { addressFamily, normalizeAddress } from './ip-address';

export interface TrustedProxies {
  includes(address: string): boolean;
}

/**
 * `TRUSTED_PROXIES`: comma-separated addresses and CIDRs (`10.0.0.0/8, 2001:db8::/32, 127.0.0.1`) of the
 * reverse proxies in front of the app. Only a request whose direct peer is one of them may say, in
 * X-Forwarded-For, whom it came from. Empty (the default) trusts no header at all. A malformed entry
 * stops the app rather than quietly trusting less or more than was meant.
 */
export function parseTrustedProxies(text: string | undefined): TrustedProxies {
  const list = new BlockList();
  for (const entry of (text ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const [base = '', prefix, extra] = entry.split('/');
    const address = normalizeAddress(base);
    const family = address ? addressFamily(address) : null;
    const maxBits = family === 'ipv4' ? 32 : 128;
    const bits = prefix === undefined ? maxBits : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!address || !family || extra !== undefined || !(bits >= 0 && bits <= maxBits)) {
      throw new Error(`TRUSTED_PROXIES: “${entry}” is not an IP address or CIDR (e.g. 10.0.0.0/8, 2001:db8::/32)`);
    }
    list.addSubnet(address, bits, family);
  }
  return { includes: (address) => list.check(address, addressFamily(address)) };
}

let cached: { text: string | undefined; proxies: TrustedProxies } | undefined;

/** The configured proxies, parsed once per value of the variable. */
export function trustedProxies(): TrustedProxies {
  const text = process.env.TRUSTED_PROXIES;
  if (cached && cached.text === text) return cached.proxies;
  const proxies = parseTrustedProxies(text);
  cached = { text, proxies };
  return proxies;
}
