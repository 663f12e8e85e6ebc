import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { BACK_OFFICE_ROLES } from '@/lib/auth/actor';
import { secret } from '@/lib/config/secrets';

/**
 * First gate only: sends visitors without a session to the sign-in page and bidders away from the
 * back office. Every read and write is authorized again in lib/, whatever passes here.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: secret('NEXTAUTH_SECRET') });
  const { pathname, search } = request.nextUrl;
  if (!token) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }
  const backOffice = BACK_OFFICE_ROLES.includes(token.role);
  if (pathname.startsWith('/admin') && !backOffice) return NextResponse.redirect(new URL('/?denied=admin', request.url));
  if (pathname === '/' && backOffice) return NextResponse.redirect(new URL('/admin', request.url));
  return NextResponse.next();
}

export const config = {
  matcher: ['/', '/apply/:path*', '/orders/:path*', '/admin/:path*'],
};
