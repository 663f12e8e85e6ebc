import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { BACK_OFFICE_ROLES } from '@/lib/auth/actor';
import { secret } from '@/lib/config/secrets';
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, newNonce } from '@/lib/http/content-security-policy';
import { assertSameOrigin } from '@/lib/http/cross-site-request';
import { errorResponse } from '@/lib/http/error-response';
import { assertWellFormedActionPayload } from '@/lib/http/server-action-payload';

/**
 * Runs before every request except the build's static files (which get their headers from
 * next.config.js). Three jobs, all of them first gates only — every read and write is authorized again
 * in lib/, whatever passes here:
 * - refuses a state-changing request another site made the browser send (CSRF), for API routes and
 *   server actions alike (server actions are POSTs to page paths), and a server action's payload that is
 *   too large or malformed before Next.js would answer it with a 500;
 * - gives each page a Content-Security-Policy with a fresh nonce, which Next.js puts on its scripts;
 * - sends visitors without a session to the sign-in page, bidders away from the back office, and an
 *   account that must change the password someone else set to 修改密码 (its APIs refuse it on the server).
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isApi = pathname === '/api' || pathname.startsWith('/api/');
  try {
    if (!SIGNATURE_AUTHENTICATED.has(pathname) && !pathname.startsWith(PLATFORM_API_PREFIX)) assertSameOrigin(request);
    // A server action is a POST to a page path naming the action in this header.
    if (request.method === 'POST' && request.headers.has('next-action')) await assertWellFormedActionPayload(request.clone());
  } catch (error) {
    return withPolicy(errorResponse(error), API_CONTENT_SECURITY_POLICY);
  }
  if (isApi) return withPolicy(NextResponse.next(), API_CONTENT_SECURITY_POLICY);

  const policy = contentSecurityPolicy(newNonce());
  const gate = await signInGate(request);
  if (gate) return withPolicy(gate, policy);
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  return withPolicy(NextResponse.next({ request: { headers } }), policy);
}

/**
 * Called by other servers, never by a browser with our cookies: each request proves itself by its own
 * signature, and a bank's HTTP client may send any Origin it likes.
 */
const SIGNATURE_AUTHENTICATED = new Set(['/api/bank/transfers']);
/** Trading platforms' signed calls (docs/trading-platform-interface.md): every path under it. */
const PLATFORM_API_PREFIX = '/api/platform/v1/';

// Everything else is public: the sign-in page, 企业注册 (/register), 忘记密码 (/forgot-password), /verify.
const SIGNED_IN_PAGES = /^\/(?:$|apply(?:\/|$)|orders(?:\/|$)|admin(?:\/|$)|account(?:\/|$))/;

/** 修改密码: where an account whose password someone else set is kept until it chooses its own. */
const PASSWORD_CHANGE_PAGE = '/account/password';

async function signInGate(request: NextRequest): Promise<NextResponse | null> {
  const { pathname, search } = request.nextUrl;
  if (!SIGNED_IN_PAGES.test(pathname)) return null;
  const token = await getToken({ req: request, secret: secret('NEXTAUTH_SECRET') });
  if (!token) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }
  if (token.mustChangePassword === true && pathname !== PASSWORD_CHANGE_PAGE) {
    return NextResponse.redirect(new URL(PASSWORD_CHANGE_PAGE, request.url));
  }
  const backOffice = BACK_OFFICE_ROLES.includes(token.role);
  if (pathname.startsWith('/admin') && !backOffice) return NextResponse.redirect(new URL('/?denied=admin', request.url));
  if (pathname === '/' && backOffice) return NextResponse.redirect(new URL('/admin', request.url));
  return null;
}

function withPolicy<R extends Response>(response: R, policy: string): R {
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Everything but the build's hashed static files and image optimizer output, and the bank's webhook:
  // signed machine-to-machine calls that need none of the three jobs (no cookies, no page, any Origin),
  // whose acknowledgement a deadline rush waits for (issue #15).
  matcher: ['/((?!_next/static|_next/image|api/bank/transfers$).*)'],
};
