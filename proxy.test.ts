import { encode, type JWT } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { proxy } from './proxy';

// The proxy reads the session token with the site's secret; the tests sign their tokens with the same one.
const SECRET = vi.hoisted(() => (process.env.NEXTAUTH_SECRET ??= 'proxy-test-secret'));

const SITE = 'http://bg.example';

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}) {
  return new NextRequest(`${SITE}${path}`, { method: init.method ?? 'GET', headers: { host: 'bg.example', ...init.headers }, body: init.body });
}

/** NextResponse.next() answers 200 with this header; anything else is the proxy's own answer. */
const passedOn = (response: Response) => response.headers.get('x-middleware-next') === '1';

describe('the proxy in front of every request', () => {
  it('refuses a statement import another subdomain made the browser send (same-site is not same-origin)', async () => {
    const response = await proxy(
      request('/api/admin/statements/import?bank=demo', {
        method: 'POST',
        headers: { 'content-type': 'text/csv', origin: 'https://evil.bg.example', 'sec-fetch-site': 'same-site' },
        body: '交易流水号\n',
      }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'CROSS_SITE_REFUSED', message: '不接受来自其他网站的请求，请在本站页面上操作' });
  });

  it('refuses a multipart invoice upload and a JSON admin update from a foreign origin', async () => {
    const upload = await proxy(request('/api/admin/invoices/x/issue', { method: 'POST', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'same-site' }, body: new FormData() }));
    expect(upload.status).toBe(403);
    const update = await proxy(
      request('/api/admin/sections/x', { method: 'PUT', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{}' }),
    );
    expect(update.status).toBe(403);
    expect((await update.json()).code).toBe('CROSS_SITE_REFUSED');
  });

  it('passes the same request from the site itself on, with a policy for API answers', async () => {
    const response = await proxy(
      request('/api/admin/sections/x', { method: 'PUT', headers: { origin: SITE, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, body: '{}' }),
    );
    expect(passedOn(response)).toBe(true);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('lets the bank webhook through whatever its Origin: its signature is its authority', async () => {
    const response = await proxy(request('/api/bank/transfers', { method: 'POST', headers: { origin: 'https://bank.example' }, body: '{}' }));
    expect(passedOn(response)).toBe(true);
  });

  it('gives every page a fresh nonce, in the response and in the request Next.js renders from', async () => {
    const first = await proxy(request('/login'));
    const second = await proxy(request('/login'));
    const policy = first.headers.get('content-security-policy')!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(second.headers.get('content-security-policy')).not.toBe(policy);
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
  });

  it('answers a malformed server action with a Chinese 422 instead of letting Next.js fail with a 500', async () => {
    const response = await proxy(request('/login', { method: 'POST', headers: { 'next-action': '40abc', origin: SITE, 'content-type': 'text/plain' }, body: '["$Q1"]' }));
    expect(response.status).toBe(422);
    expect((await response.json()).message).toBe('提交的内容格式无法识别，请刷新页面后重试');
    const wellFormed = await proxy(request('/login', { method: 'POST', headers: { 'next-action': '40abc', origin: SITE, 'content-type': 'text/plain' }, body: '["x"]' }));
    expect(passedOn(wellFormed)).toBe(true);
  });

  describe('an account whose password someone else set', () => {
    const sessionCookie = async (claims: Pick<JWT, 'role' | 'regionId' | 'enterpriseId' | 'mustChangePassword'>) =>
      `next-auth.session-token=${await encode({ secret: SECRET, token: { sub: 'u1', name: '新人', sessionVersion: 0, ...claims } })}`;

    it.each(['/', '/admin', '/orders', '/apply/x', '/account/other'])('is sent from %s to 修改密码', async (path) => {
      const cookie = await sessionCookie({ role: 'operator', regionId: '650200', enterpriseId: null, mustChangePassword: true });
      const response = await proxy(request(path, { headers: { cookie } }));
      expect(response.status).toBe(307);
      expect(new URL(response.headers.get('location')!).pathname).toBe('/account/password');
    });

    it('may open 修改密码 itself; an ordinary account opens its pages as before', async () => {
      const mustChange = await sessionCookie({ role: 'bidder', regionId: null, enterpriseId: 'e1', mustChangePassword: true });
      expect(passedOn(await proxy(request('/account/password', { headers: { cookie: mustChange } })))).toBe(true);
      const ordinary = await sessionCookie({ role: 'bidder', regionId: null, enterpriseId: 'e1', mustChangePassword: false });
      expect(passedOn(await proxy(request('/orders', { headers: { cookie: ordinary } })))).toBe(true);
      expect(passedOn(await proxy(request('/account/password', { headers: { cookie: ordinary } })))).toBe(true);
    });

    it('sends a visitor without a session from 修改密码 to sign in', async () => {
      const response = await proxy(request('/account/password'));
      expect(new URL(response.headers.get('location')!).pathname).toBe('/login');
    });
  });

  it('sends a visitor without a session from the signed-in pages to sign in, and lets them register or recover a password', async () => {
    for (const path of ['/account/members', '/orders']) {
      const response = await proxy(request(path));
      expect(response.status).toBe(307);
      expect(new URL(response.headers.get('location')!).searchParams.get('callbackUrl')).toBe(path);
    }
    for (const path of ['/register', '/forgot-password', '/login', '/accounting']) expect(passedOn(await proxy(request(path)))).toBe(true);
  });
});
