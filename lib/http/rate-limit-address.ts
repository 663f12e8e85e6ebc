import { isIP } from 'node:net';

/**
 * What a per-address rate limit counts: an IPv4 address, or the /64 an IPv6 address is in. One IPv6
 * subscriber or server is handed a whole /64 (2⁶⁴ addresses), so counting single IPv6 addresses would
 * let anyone with one step past the limit by changing the last bits.
 */
export function rateLimitAddressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (64:ff9b::192.0.2.1) stands for two groups.
  const width = (groups: string[]) => groups.length + (groups.at(-1)?.includes('.') ? 1 : 0);
  const groups = address.includes('::') ? [...left, ...Array(8 - width(left) - width(right)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
