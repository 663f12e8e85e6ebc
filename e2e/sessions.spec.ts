import { expect, test, type BrowserContext } from '@playwright/test';
import { setServerClock } from './bank';
import { ACCOUNTS, DEMO_PASSWORD, signIn, snapshot, submitLogin } from './sign-in';

test.describe.configure({ mode: 'serial' });

/** The next-auth session cookie of a signed-in browser, as someone who copied it would hold it. */
async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
  if (!cookie) throw new Error('no session cookie after signing in');
  return `${cookie.name}=${cookie.value}`;
}

test('signing out ends the session on the server: a copied session cookie stops working for pages and APIs', async ({ page, context, playwright, baseURL }) => {
  await signIn(page, ACCOUNTS.bidder);
  const copied = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: await sessionCookie(context) } });
  try {
    // While signed in, the copy is the bidder: its orders page opens, the back office's API says "not yours" (403).
    const orders = await copied.get('/orders');
    expect(new URL(orders.url()).pathname).toBe('/orders');
    expect(await orders.text()).toContain('订单管理');
    expect((await copied.get('/api/admin/insurers')).status()).toBe(403);

    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login/);
    await snapshot(page, 'signed-out');

    // The cookie is still a well-signed token, but its session version is gone: nobody (401), and pages go to sign-in.
    const api = await copied.get('/api/admin/insurers');
    expect(api.status()).toBe(401);
    expect(await api.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const after = await copied.get('/orders');
    expect(new URL(after.url()).pathname).toBe('/login');
  } finally {
    await copied.dispose();
  }

  // Signing in again opens a new, working session.
  await signIn(page, ACCOUNTS.bidder);
  await page.goto('/orders');
  await expect(page.getByRole('heading', { name: '订单管理' })).toBeVisible();
});

test('/verify counts the socket\'s address: a new X-Forwarded-For on every query does not escape the limit', async ({ request }) => {
  // In a window of its own (a day ahead), so the count does not reach into the other journeys' queries.
  await setServerClock(request, new Date(Date.now() + 24 * 60 * 60 * 1000));
  try {
    const limited = [];
    for (let i = 0; i < 12; i++) {
      const response = await request.get('/verify?number=BD0000&code=NOPE', { headers: { 'x-forwarded-for': `203.0.113.${i + 1}`, 'x-real-ip': `198.51.100.${i + 1}` } });
      limited.push((await response.text()).includes('查询过于频繁'));
    }
    expect(limited.slice(0, 10).some(Boolean)).toBe(false);
    expect(limited.slice(10).every(Boolean)).toBe(true);
  } finally {
    await setServerClock(request, null);
  }
});

test('sign-in counts the socket\'s address too: guesses with a new X-Forwarded-For each are held back after five', async ({ page, request }) => {
  // A window of its own, so these failures do not count against the account in the other journeys.
  await setServerClock(request, new Date(Date.now() + 2 * 24 * 60 * 60 * 1000));
  try {
    const alert = page.locator('.alert--error');
    for (let i = 0; i < 5; i++) {
      await page.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${i + 1}` });
      await submitLogin(page, ACCOUNTS.compliance, `wrong-${i}`);
      await expect(alert).toHaveText('手机号或密码错误');
    }
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': '192.0.2.99' });
    await submitLogin(page, ACCOUNTS.compliance, DEMO_PASSWORD);
    await expect(alert).toHaveText('登录失败次数过多，请 15 分钟后再试');
    await snapshot(page, 'sign-in-held-back');
  } finally {
    await setServerClock(request, null);
  }
});
