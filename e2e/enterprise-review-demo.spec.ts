import { expect, test } from '@playwright/test';
import { approveEnterprise, expectBrowsingOnly, openEnterpriseAsOperator } from './enterprise-review';
import { applyFor } from './journeys';
import { signIn, snapshot } from './sign-in';

// The demo's enterprise waiting for 企业认证审核 (lib/platform/demo-data.ts) and its bidder.
const ENTERPRISE = '新疆博格达建材有限公司';
const BIDDER = '13900000008';

test('the demo\'s enterprise under review browses only; the operator rejects it, it corrects and resubmits, is approved and applies', async ({ page, browser }) => {
  // Two people, the back office and the whole application: longer than one page's journey.
  test.setTimeout(180_000);
  await signIn(page, BIDDER);
  await expectBrowsingOnly(page, 'enterprise-review-demo');

  // 乌鲁木齐市's operator rejects it with a reason the bidder reads.
  const operator = await openEnterpriseAsOperator(browser, ENTERPRISE);
  await expect(operator.getByText('91650100722894536Y')).toBeVisible();
  await snapshot(operator, 'enterprise-review-demo-detail');
  await operator.getByRole('tab', { name: '企业用户' }).click();
  await expect(operator.locator('tbody tr', { hasText: BIDDER })).toContainText('刘洋');
  await operator.getByRole('tab', { name: '企业信息' }).click();
  await operator.getByRole('button', { name: '驳回' }).click();
  const reject = operator.getByRole('dialog', { name: '企业认证审核：驳回' });
  await expect(reject.getByRole('button', { name: '确认驳回' })).toBeDisabled();
  await reject.getByRole('textbox', { name: /^驳回原因/ }).fill('基本户开户银行应为开户许可证上的支行全称');
  await snapshot(operator, 'enterprise-review-demo-reject');
  await reject.getByRole('button', { name: '确认驳回' }).click();
  await expect(operator.getByText('已驳回企业认证')).toBeVisible();
  await expect(operator.getByTestId('enterprise-status')).toHaveText('认证未通过');

  // The bidder reads why, corrects the bank and submits again (after confirming).
  await page.goto('/');
  const rejected = page.getByTestId('enterprise-review-rejected');
  await expect(rejected).toContainText('认证未通过');
  await expect(rejected).toContainText('基本户开户银行应为开户许可证上的支行全称');
  await snapshot(page, 'enterprise-review-demo-rejected');
  await rejected.getByLabel('基本户开户银行').fill('中国农业银行股份有限公司乌鲁木齐新市区支行');
  await rejected.getByLabel('联系人手机号').fill('0991-1234567');
  await rejected.getByRole('button', { name: '重新提交认证' }).click();
  await rejected.getByRole('button', { name: '确认重新提交' }).click();
  await expect(rejected.getByText('请输入 11 位中国大陆手机号', { exact: true })).toBeVisible();
  await rejected.getByLabel('联系人手机号').fill('13900000008');
  await rejected.getByRole('button', { name: '重新提交认证' }).click();
  await expect(page.getByRole('alertdialog', { name: '确认重新提交认证' })).toBeVisible();
  await rejected.getByRole('button', { name: '确认重新提交' }).click();
  await expect(page.getByTestId('enterprise-review-pending')).toBeVisible();
  await expectBrowsingOnly(page, 'enterprise-review-demo-resubmitted');

  // The operator sees the corrected bank and the history, and approves.
  await operator.reload();
  await expect(operator.getByTestId('enterprise-status')).toHaveText('待认证审核');
  await expect(operator.getByText('中国农业银行股份有限公司乌鲁木齐新市区支行', { exact: false })).toBeVisible();
  await operator.getByRole('tab', { name: '审核记录' }).click();
  await expect(operator.locator('tbody tr', { hasText: '投保企业重新提交认证' })).toBeVisible();
  await expect(operator.locator('tbody tr', { hasText: '驳回企业认证' })).toContainText('基本户开户银行应为开户许可证上的支行全称');
  await snapshot(operator, 'enterprise-review-demo-history');
  await operator.getByRole('tab', { name: '企业信息' }).click();
  await approveEnterprise(operator, 'enterprise-review-demo');

  // 修正基本户: starts from the registered account and wants a reason.
  await operator.getByRole('button', { name: '修正基本户' }).click();
  const correct = operator.getByRole('dialog', { name: '修正基本户' });
  await expect(correct.getByRole('textbox', { name: /^银行账号/ })).toHaveValue('30080101040012345');
  await correct.getByRole('textbox', { name: /^银行账号/ }).fill('3008 0101 0400 12346');
  await expect(correct.getByRole('button', { name: '确认修正' })).toBeDisabled();
  await correct.getByRole('textbox', { name: /^修正原因/ }).fill('企业提交了开户许可证，原账号末位录入有误');
  await snapshot(operator, 'enterprise-review-demo-correct-account');
  await correct.getByRole('button', { name: '确认修正' }).click();
  await expect(operator.getByText('已修正企业基本户')).toBeVisible();
  await expect(operator.getByText('30080101040012346', { exact: false })).toBeVisible();

  // Verified: the notice is gone, the corrected account shows, and the bidder applies.
  await page.goto('/');
  await expect(page.getByTestId('enterprise-review-pending')).toHaveCount(0);
  await expect(page.getByTestId('enterprise-review-rejected')).toHaveCount(0);
  await expect(page.getByLabel('投保企业')).toContainText('30080101040012346');
  const order = await applyFor(page, '乌鲁木齐市2026年市政道路养护服务采购项目', '包2：新市区、水磨沟区');
  expect(order.orderNumber).toMatch(/^BH\d+/);
  await snapshot(page, 'enterprise-review-demo-applied');

  // The enterprise's page lists the order.
  await operator.reload();
  await operator.getByRole('tab', { name: '订单' }).click();
  await expect(operator.locator('tbody tr', { hasText: order.orderNumber })).toContainText('待支付');
  await snapshot(operator, 'enterprise-review-demo-orders');
  await operator.close();
});
