/**
 * The client's address as the nearest proxy saw it: the right-most X-Forwarded-For entry, the one the
 * reverse proxy in front of the app appended (nginx `proxy_add_x_forwarded_for`). Entries to its left
 * came from the client and may be anything, so they are never used. Without a proxy, Next.js fills the
 * header from the socket only when the client sent none: production deployments must run behind a
 * proxy that appends it (README, Deploy). Without any header, clients share one rate-limit bucket rather
 * than escaping it.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',').map((entry) => entry.trim()).filter(Boolean).at(-1);
  return forwarded || headers.get('x-real-ip')?.trim() || 'unknown';
}
