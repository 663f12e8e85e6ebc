import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo1234';

export const ACCOUNTS = {
  bidder: '13900000001',
  otherBidder: '13900000004',
  operator: '13900000002',
  otherOperator: '13900000005',
  compliance: '13900000003',
} as const;

/** Signs in through the login page and waits until the site has taken the user past it. */
export async function signIn(page: Page, phone: string, password = DEMO_PASSWORD) {
  await submitLogin(page, phone, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function submitLogin(page: Page, phone: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Saves a screenshot under test-results/screenshots, kept by CI as an artefact. */
export async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

export async function expectSignedInAsBidder(page: Page) {
  await expect(page.getByRole('heading', { name: '我的投标保函' })).toBeVisible();
}
