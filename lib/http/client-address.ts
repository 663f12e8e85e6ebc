import { normalizeAddress } from './ip-address';
import { isPeerAddressStamped, PEER_ADDRESS_HEADER } from './peer-address';
import { trustedProxies, type TrustedProxies } from './trusted-proxies';

export interface ClientAddressContext {
  trusted?: TrustedProxies;
  /** Whether this process runs behind the app's own server, which writes the socket's address. */
  peerStamped?: boolean;
}

let warned = false;

/**
 * The direct peer: the socket's address as the app's server wrote it. Without that server (`next dev`,
 * or `next start` run by hand) Next.js's own X-Forwarded-For is the socket's address only if the client
 * sent none: good enough on a developer's machine, never in production, where every such request then
 * shares one rate-limit bucket (fail closed) and the log says why.
 */
function peerAddress(headers: Headers, stamped: boolean): string | null {
  if (stamped) return normalizeAddress(headers.get(PEER_ADDRESS_HEADER));
  if (process.env.NODE_ENV !== 'production') return normalizeAddress(forwardedFor(headers).at(-1));
  if (!warned) {
    warned = true;
    console.warn('客户端地址不可知：请用 npm start（scripts/start-server.ts）启动应用，而不是 next start；在此之前所有请求共用一个限流计数');
  }
  return null;
}

const forwardedFor = (headers: Headers) => (headers.get('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);

/**
 * The client's address, for rate limits. The socket's peer, unless that peer is a configured trusted
 * proxy (TRUSTED_PROXIES): then X-Forwarded-For is read from the right, past every trusted proxy, and
 * the first address no trusted proxy owns is the client, the one the outermost of our proxies saw.
 * Everything left of it was written by the client and is never used; from an untrusted peer the header
 * is ignored entirely, so varying it changes nothing. Without any usable address, clients share one
 * bucket ('unknown') rather than escaping it.
 */
export function clientAddress(headers: Headers, context: ClientAddressContext = {}): string {
  const trusted = context.trusted ?? trustedProxies();
  const peer = peerAddress(headers, context.peerStamped ?? isPeerAddressStamped());
  if (!peer) return 'unknown';
  if (!trusted.includes(peer)) return peer;
  let nearest = peer;
  const hops = forwardedFor(headers);
  if (!hops.length) return normalizeAddress(headers.get('x-real-ip')) ?? peer;
  for (const hop of hops.reverse()) {
    const address = normalizeAddress(hop);
    // Not an address: our proxy did not write it, so nothing to its left is known; the last proxy we trust is.
    if (!address) return nearest;
    if (!trusted.includes(address)) return address;
    nearest = address;
  }
  return nearest;
}
