import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectSignedInAsBidder, signIn, snapshot, submitLogin } from './sign-in';

test('a wrong password is refused with a clear message', async ({ page }) => {
  await submitLogin(page, ACCOUNTS.bidder, 'wrong-password');
  await expect(page.locator('form [role="alert"]')).toHaveText('手机号或密码错误');
  await expect(page).toHaveURL(/\/login/);
  await snapshot(page, 'login-wrong-password');
});

test('repeated failed sign-ins hold the account back with a clear message', async ({ page }) => {
  const phone = '13912340000'; // no such account: the count is per phone number all the same
  for (let i = 0; i < 5; i++) {
    await submitLogin(page, phone, `guess-${i}`);
    await expect(page.locator('form [role="alert"]')).toHaveText('手机号或密码错误');
  }
  await submitLogin(page, phone, 'guess-5');
  await expect(page.locator('form [role="alert"]')).toHaveText('登录失败次数过多，请 15 分钟后再试');
});

test('visitors without a session are sent to sign in', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2F/);
  await expect(page.getByRole('heading', { name: '电子保函服务平台' })).toBeVisible();
});

test('a bidder signs in, sees 我的投标保函 with its enterprise, and signs out', async ({ page }) => {
  await signIn(page, ACCOUNTS.bidder);
  await expectSignedInAsBidder(page);
  await expect(page.getByLabel('投保企业')).toContainText('新疆天山建设工程有限公司');
  await expect(page.getByLabel('投保企业')).toContainText('91650100712345678G');
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(6);
  await expect(rows.first()).toContainText('乌鲁木齐市2026年市政道路养护服务采购项目');
  await expect(rows.first()).toContainText('¥50,000.00');
  await expect(page.getByRole('link', { name: '立即申请' })).toHaveCount(6);
  await snapshot(page, 'bidder-home');

  await page.getByLabel('项目类型').selectOption('procurement');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(rows).toHaveCount(2);

  await page.getByRole('link', { name: '立即申请' }).first().click();
  await expect(page.getByRole('heading', { name: '申请投标保函' })).toBeVisible();
  await snapshot(page, 'apply-placeholder');

  await page.goto('/admin');
  await expect(page).toHaveURL(/\/\?denied=admin/);

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('a second enterprise sees its own profile, never the first one\'s', async ({ page }) => {
  await signIn(page, ACCOUNTS.otherBidder);
  await expectSignedInAsBidder(page);
  await expect(page.getByLabel('投保企业')).toContainText('新疆昆仑路桥有限公司');
  await expect(page.getByText('新疆天山建设工程有限公司')).toHaveCount(0);
  const api = await page.request.get('/api/admin/insurers');
  expect(api.status()).toBe(403);
  expect((await api.json()).message).toContain('投标人');
});
