import { isIP } from 'node:net';

/**
 * An address as written by a socket or a proxy, in one form: `::ffff:203.0.113.7` (an IPv4 client on a
 * dual-stack socket) is `203.0.113.7`, brackets, ports (`203.0.113.7:51234`, `[2001:db8::1]:443`, as
 * some load balancers write them) and IPv6 zones are dropped, IPv6 is lower case. Null when it is not
 * an IP address at all.
 */
export function normalizeAddress(raw: string | null | undefined): string | null {
  let text = raw?.trim() ?? '';
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  text = text.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (mapped) text = mapped[1]!;
  return isIP(text) ? text : null;
}

/** The `ipv4`/`ipv6` family of a normalized address, as node:net names it. */
export const addressFamily = (address: string): 'ipv4' | 'ipv6' => (isIP(address) === 4 ? 'ipv4' : 'ipv6');
