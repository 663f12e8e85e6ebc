const PLACEHOLDER_ORIGIN = 'http://callback.invalid';

/**
 * Where to go after signing in: only a path on this site. Resolving the URL (rather than looking at its
 * first characters) also catches `/\evil.example` and `/%09/evil.example`, which browsers treat as
 * another host.
 */
export function safeCallbackPath(callbackUrl: string | undefined | null): string {
  if (!callbackUrl) return '/';
  try {
    const url = new URL(callbackUrl, PLACEHOLDER_ORIGIN);
    if (url.origin !== PLACEHOLDER_ORIGIN) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
