import type { Kysely } from 'kysely';
import { encode } from 'next-auth/jwt';
import type { Database } from '@/db/database';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/auth-options';
import { secret } from '@/lib/config/secrets';
import { getDb } from '@/lib/database';
import { DomainError } from '@/lib/errors/domain-error';
import { handOverBidder } from './hand-over-bidder';

/** next-auth's session cookie, named as next-auth names it (secure on an https deployment). */
export function sessionCookieName(): { name: string; secure: boolean } {
  const secure = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
  return { name: `${secure ? '__Secure-' : ''}next-auth.session-token`, secure };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function errorPage(message: string, status: number): Response {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>交易平台登录失败 - 电子保函服务平台</title></head>
<body style="font-family:sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem"><h1>交易平台登录失败</h1>
<p role="alert">${escapeHtml(message)}</p><p>您尚未登录。也可以<a href="/login">使用手机号和密码登录</a>。</p></body></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

/**
 * The browser hand-off: the bidder is signed in with the same session token as a password sign-in (a
 * next-auth JWT carrying the session version), and sent on to its landing page; a refused token answers
 * a Chinese page and signs no one in (no cookie is set).
 */
export async function answerSso(request: Request, platformCode: string, database?: Kysely<Database>): Promise<Response> {
  const token = new URL(request.url).searchParams.get('token');
  try {
    const bidder = await handOverBidder(database ?? (await getDb()), platformCode, token);
    const jwt = await encode({
      secret: secret('NEXTAUTH_SECRET'),
      maxAge: SESSION_MAX_AGE_SECONDS,
      token: {
        sub: bidder.userId,
        name: bidder.name,
        role: 'bidder',
        regionId: bidder.regionId,
        enterpriseId: bidder.enterpriseId,
        canEditRules: false,
        canEditRuleValues: false,
        sessionVersion: bidder.sessionVersion,
        mustChangePassword: false,
      },
    });
    const cookie = sessionCookieName();
    const attributes = [`${cookie.name}=${jwt}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${SESSION_MAX_AGE_SECONDS}`, ...(cookie.secure ? ['Secure'] : [])];
    return new Response(null, {
      status: 303,
      headers: { location: new URL(bidder.landing, request.url).pathname, 'set-cookie': attributes.join('; '), 'cache-control': 'no-store' },
    });
  } catch (error) {
    if (error instanceof DomainError) return errorPage(error.message, error.status);
    console.error(error);
    return errorPage('登录暂时无法完成，请稍后从交易平台重试', 500);
  }
}
