import type { IncomingMessage } from 'node:http';

/**
 * Next.js hands route handlers, pages and server actions the request's headers but not its socket, and
 * fills X-Forwarded-For from the socket only when the client sent none (so a client that sends one hides
 * its address). The app's own server (`npm start`: scripts/app-process.ts under scripts/start-server.ts) therefore writes the socket's
 * address into this header on every request, replacing whatever the client sent under that name, and
 * marks the process so that the header is believed only where that server runs.
 */
export const PEER_ADDRESS_HEADER = 'x-bid-guarantee-peer-address';

const STAMPING = Symbol.for('bid-guarantee.peer-address-stamping');
type Marked = { [STAMPING]?: true };

/** Called once by the app's server before it serves anything. */
export function markPeerAddressStamping(): void {
  (globalThis as Marked)[STAMPING] = true;
}

export function isPeerAddressStamped(): boolean {
  return (globalThis as Marked)[STAMPING] === true;
}

/** Called by the app's server for each request, before Next.js sees it. */
export function stampPeerAddress(request: IncomingMessage): void {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? '';
}
