import { expect, type Browser, type Page } from '@playwright/test';
import { ACCOUNTS, signIn, snapshot } from './sign-in';
import { searchAdminList } from './support/search-admin-list';

/** The words the server and the apply pages refuse an application with before 企业认证审核 has passed. */
export const NOT_VERIFIED = '企业尚未通过认证审核，暂不能申请保函';

/**
 * The signed-in bidder of an enterprise under review: its home page says so, the sections are there to
 * browse (查看标段, not 立即申请), and a section's apply page shows why it cannot apply yet instead of the form.
 */
export async function expectBrowsingOnly(page: Page, shot: string) {
  await page.goto('/');
  await expect(page.getByTestId('enterprise-review-pending')).toContainText('待认证审核');
  await expect(page.getByRole('link', { name: '立即申请' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '查看标段' }).first()).toBeVisible();
  await snapshot(page, `${shot}-home`);
  await page.getByRole('link', { name: '查看标段' }).first().click();
  await expect(page.getByTestId('apply-gate')).toContainText(NOT_VERIFIED);
  await expect(page.getByRole('heading', { name: '选择金融产品' })).toHaveCount(0);
  await snapshot(page, `${shot}-apply-refused`);
}

/** 乌鲁木齐市's operator opens the enterprise from 投保企业 (searching its name), on its own page. */
export async function openEnterpriseAsOperator(browser: Browser, enterpriseName: string): Promise<Page> {
  const operator = await browser.newPage();
  await signIn(operator, ACCOUNTS.operator);
  await operator.goto('/admin#/enterprises');
  await searchAdminList(operator, '搜索企业名称、统一社会信用代码', enterpriseName);
  const row = operator.locator('tbody tr', { hasText: enterpriseName });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('待认证审核');
  await row.click();
  await expect(operator).toHaveURL(/#\/enterprises\/[^/]+\/show$/);
  await expect(operator.getByTestId('enterprise-status')).toHaveText('待认证审核');
  return operator;
}

/** 认证通过, after the confirmation; the enterprise is 已认证 and the review buttons are gone. */
export async function approveEnterprise(operator: Page, shot: string) {
  await operator.getByRole('button', { name: '认证通过' }).click();
  const dialog = operator.getByRole('dialog', { name: '企业认证审核：认证通过' });
  await expect(dialog).toContainText('通过后该企业即可申请投标保函');
  await snapshot(operator, `${shot}-approve-confirm`);
  await dialog.getByRole('button', { name: '确认通过' }).click();
  await expect(operator.getByText('企业认证已通过')).toBeVisible();
  await expect(operator.getByTestId('enterprise-status')).toHaveText('已认证');
  await expect(operator.getByRole('button', { name: '认证通过' })).toHaveCount(0);
  await snapshot(operator, `${shot}-approved`);
}
