import { expect, test } from '@playwright/test';
import { freshUscc } from '../lib/enterprises/testing/enterprise-with-bidder';
import { approveEnterprise, expectBrowsingOnly, openEnterpriseAsOperator } from './enterprise-review';
import { applyFor } from './journeys';
import { registerEnterprise } from './registration';
import { signIn, snapshot } from './sign-in';

test('a new enterprise registers, waits for 企业认证审核, is approved by its region\'s operator and applies', async ({ page, browser }) => {
  // Two people, the back office and the whole application: longer than one page's journey.
  test.setTimeout(180_000);
  const suffix = String(Date.now()).slice(-6);
  const enterprise = {
    enterpriseName: `新疆天池新材料有限公司${suffix}`,
    uscc: freshUscc(),
    regionName: '乌鲁木齐市',
    personName: '古丽',
    phone: `136${String(Date.now()).slice(-8)}`,
    password: 'Tianchi2026ok',
  };
  await registerEnterprise(browser, enterprise);

  await signIn(page, enterprise.phone, enterprise.password);
  await expectBrowsingOnly(page, 'enterprise-review');

  const operator = await openEnterpriseAsOperator(browser, enterprise.enterpriseName);
  await expect(operator.getByText(enterprise.uscc)).toBeVisible();
  await approveEnterprise(operator, 'enterprise-review');
  await operator.close();

  await page.goto('/');
  await expect(page.getByTestId('enterprise-review-pending')).toHaveCount(0);
  const order = await applyFor(page, '乌鲁木齐市2026年市政道路养护服务采购项目', '包1：天山区、沙依巴克区');
  expect(order.orderNumber).toMatch(/^BH\d+/);
  await snapshot(page, 'enterprise-review-applied');
});
