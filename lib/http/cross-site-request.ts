import { DomainError } from '@/lib/errors/domain-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request that another site's page made the browser send with our cookies
 * (CSRF). Browsers say where a request comes from in `Sec-Fetch-Site` and `Origin`, and a page cannot
 * forge either: anything but same-origin is refused — `same-site` too, since a sibling subdomain is not
 * us — and so is an `Origin` whose host is not the one the request was sent to (behind a reverse proxy,
 * the host it forwarded). A request with neither header comes from a program, not a browser carrying a
 * victim's cookies, and is left to its own authentication.
 */
export function assertSameOrigin(request: Pick<Request, 'method' | 'headers' | 'url'>): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') throw refusal();
  const origin = request.headers.get('origin');
  if (origin === null) return;
  const host = hostOf(origin);
  if (!host || host !== expectedHost(request)) throw refusal();
}

function expectedHost(request: Pick<Request, 'headers' | 'url'>): string | null {
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return (forwarded || request.headers.get('host') || hostOf(request.url))?.toLowerCase() ?? null;
}

/** `null` (a sandboxed frame, a privacy redirect) and anything unparsable name no host, which never matches. */
function hostOf(url: string): string | null {
  try {
    const host = new URL(url).host;
    return host ? host.toLowerCase() : null;
  } catch {
    return null;
  }
}

const refusal = () => new DomainError('CROSS_SITE_REFUSED', '不接受来自其他网站的请求，请在本站页面上操作');
