import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn, snapshot } from './sign-in';

test('public/: the favicon, a robots.txt that keeps the back office and orders out of indexes, and the logo on sign-in, headers and back office', async ({ page, request }) => {
  const favicon = await request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toMatch(/image\//);

  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  const rules = await robots.text();
  for (const path of ['/admin', '/orders', '/apply', '/api/']) expect(rules).toContain(`Disallow: ${path}`);

  const logoLoaded = (selector: string) => page.locator(selector).first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
  await page.goto('/login');
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute('href', /favicon\.ico/);
  expect(await logoLoaded('img[src="/logo.svg"]')).toBe(true);
  await snapshot(page, 'public-login-logo');

  await signIn(page, ACCOUNTS.bidder);
  expect(await logoLoaded('header img[src="/logo-inverse.svg"]')).toBe(true);

  const operator = await page.context().browser()!.newPage();
  await signIn(operator, ACCOUNTS.operator);
  await operator.goto('/admin');
  await expect(operator.locator('img[src="/logo-inverse.svg"]').first()).toBeVisible();
  await snapshot(operator, 'public-admin-logo');
});
