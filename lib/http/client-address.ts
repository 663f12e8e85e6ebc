/**
 * The client's address as the nearest proxy reports it. Behind a load balancer the first
 * X-Forwarded-For entry is the client; without one the platform cannot tell clients apart, so they
 * share one rate-limit bucket rather than escaping it.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip')?.trim() || 'unknown';
}
