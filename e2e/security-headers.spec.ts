import { expect, test, type APIResponse, type Page, type Response } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, signIn, snapshot } from './sign-in';

function expectHardened(headers: Record<string, string>) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
}

/** Collects what the browser refused under the Content-Security-Policy, which must be nothing. */
function recordPolicyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|evaluate)/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

const headersOf = (response: Response | APIResponse | null) => {
  expect(response).not.toBeNull();
  return response!.headers();
};

test('pages carry a nonce-based policy and the hardening headers, and Next.js scripts carry the nonce', async ({ page }) => {
  const violations = recordPolicyViolations(page);
  const response = await page.goto('/login');
  const headers = headersOf(response);
  expectHardened(headers);
  const nonce = /'nonce-([^']+)'/.exec(headers['content-security-policy']!)?.[1];
  expect(nonce).toBeTruthy();
  expect(headers['content-security-policy']).toContain("'strict-dynamic'");
  const scriptNonces = await page.locator('script').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  for (const each of scriptNonces) expect(each).toBe(nonce);
  // A second request gets a different nonce.
  const again = await page.request.get('/login');
  expect(again.headers()['content-security-policy']).not.toContain(nonce!);
  // Hydrated: the client-side check answers without a round trip.
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('请输入正确的 11 位手机号')).toBeVisible();
  expect(violations).toEqual([]);
});

test('API answers, redirects and static files carry the headers too', async ({ page, request }) => {
  const api = await request.get('/api/admin/statements/banks');
  expect(api.status()).toBe(401);
  expectHardened(api.headers());
  expect(api.headers()['content-security-policy']).toContain("default-src 'none'");
  // The bank's webhook is not seen by proxy.ts (a rush waits for its answers): its headers come from next.config.js.
  const webhook = await request.post('/api/bank/transfers', { headers: { 'x-bank-code': 'demo', 'content-type': 'application/json' }, data: '{}' });
  expect(webhook.status()).toBe(401);
  expectHardened(webhook.headers());
  expect(webhook.headers()['content-security-policy']).toBe(api.headers()['content-security-policy']);
  const redirect = await request.get('/orders', { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectHardened(redirect.headers());
  await page.goto('/login');
  const chunk = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
  const asset = await request.get(chunk!);
  expect(asset.ok()).toBe(true);
  expect(asset.headers()['x-content-type-options']).toBe('nosniff');
  expect(asset.headers()['x-frame-options']).toBe('DENY');
});

test('the back office works under the policy and refuses to be framed', async ({ page }) => {
  const violations = recordPolicyViolations(page);
  await signIn(page, ACCOUNTS.operator);
  expectHardened(headersOf(await page.reload()));
  await page.goto('/admin#/calendar-days');
  await expect(page.getByText('工作日历').first()).toBeVisible();
  await page.goto('/admin#/rule-versions');
  await expect(page.getByText('规则版本').first()).toBeVisible();
  await snapshot(page, 'security-admin-under-csp');
  expect(violations).toEqual([]);
});

test('a state-changing request from another site is refused; the same request from the site passes', async ({ page }) => {
  await signIn(page, ACCOUNTS.operator);
  const body = { day: '2031-05-06', is_working_day: false, note: '跨站测试' };
  const foreign = await page.request.post('/api/admin/calendar-days', { data: body, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).code).toBe('CROSS_SITE_REFUSED');
  const sibling = await page.request.post('/api/admin/statements/preview?bank=demo', {
    data: 'x',
    headers: { 'content-type': 'text/csv', origin: 'https://other.example', 'sec-fetch-site': 'same-site' },
  });
  expect(sibling.status()).toBe(403);
  const own = await page.request.post('/api/admin/calendar-days', { data: body, headers: { origin: new URL(page.url()).origin } });
  expect(own.status()).toBe(201);
});

test('signing in without JavaScript posts the password in the body, never in a URL', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  const login = async () => {
    await page.getByLabel('手机号').fill(ACCOUNTS.bidder);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForLoadState();
  };
  await page.goto('/login?callbackUrl=/orders');
  await login();
  // A first visit has no CSRF cookie yet: next-auth sends the browser back to sign in once more, now with one.
  if (new URL(page.url()).pathname === '/login') await login();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByRole('heading', { name: '订单管理' })).toBeVisible();
  for (const url of urls) {
    expect(url).not.toContain('password');
    expect(url).not.toContain(DEMO_PASSWORD);
  }
  const posts = urls.filter((url) => url.includes('/api/auth/callback/credentials'));
  expect(posts.length).toBeGreaterThan(0);
  await context.close();
});
