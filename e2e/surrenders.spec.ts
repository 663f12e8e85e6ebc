import { expect, test } from '@playwright/test';
import { applyFor, payFromBasicAccount } from './journeys';
import { ACCOUNTS, signIn, snapshot } from './sign-in';

test('a bidder surrenders after the operator marks the project 流标; an operator approves it and the refund is paid', async ({ page, browser, request }) => {
  const project = '克拉玛依市白碱滩区道路照明工程';
  await signIn(page, ACCOUNTS.bidder);
  const order = await applyFor(page, project, '施工二标段');
  await payFromBasicAccount(request, order);
  await page.goto(order.orderUrl);
  await expect(page.getByTestId('order-status')).toHaveText('投保成功');

  // 克拉玛依's operator records the failed tender, with the reason the bidders will read.
  const operator = await browser.newPage();
  await signIn(operator, ACCOUNTS.otherOperator);
  await operator.goto('/admin#/projects');
  await operator.locator('tr', { hasText: project }).click();
  // The show page's own 编辑 comes first; each section row below has one too.
  await operator.getByRole('link', { name: '编辑' }).first().click();
  await operator.getByRole('combobox', { name: /^项目状态/ }).click();
  await operator.getByRole('option', { name: '流标' }).click();
  await operator.getByRole('textbox', { name: /^变更原因/ }).fill('有效投标人不足三家，依法流标');
  await operator.getByRole('button', { name: '保存' }).click();
  await expect(operator).toHaveURL(/\/projects\/[^/]+\/show$/);
  await expect(operator.getByText('流标', { exact: true })).toBeVisible();

  // The bidder sees the change on its order and applies to surrender (项目异常).
  await page.reload();
  await expect(page.getByTestId('project-status-alert')).toContainText('流标');
  await expect(page.getByTestId('project-changes')).toContainText('有效投标人不足三家，依法流标');
  await page.getByRole('button', { name: '申请退保' }).click();
  const confirm = page.getByRole('alertdialog', { name: '确认申请退保' });
  await confirm.getByRole('radio', { name: /项目异常/ }).check();
  // Before confirming, the bidder reads what the current rules say for that reason.
  await expect(confirm.getByTestId('surrender-preview')).toContainText('按当前退保规则可以申请');
  await snapshot(page, 'surrender-confirm');
  await confirm.getByRole('button', { name: '确认申请退保' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('退保审核中');
  // Paid from the basic account: the refund goes back there, no refund account is asked for.
  await expect(page.getByTestId('surrender-status')).toHaveText('待审核');
  await snapshot(page, 'surrender-submitted');

  // The operator approves; the refund joins the queue and is paid.
  await operator.goto('/admin#/surrenders');
  await operator.locator('tr', { hasText: order.orderNumber }).click();
  await operator.getByTestId('surrender-approve').click();
  await operator.getByRole('button', { name: '确认通过' }).click();
  await expect(operator.getByText('已通过退保申请，退款已加入退款列表')).toBeVisible();
  await operator.goto('/admin#/refunds');
  const refund = operator.locator('tr', { hasText: order.orderNumber });
  await expect(refund).toContainText('退保');
  await snapshot(operator, 'surrender-refund-queued');
  await refund.click();
  await operator.getByRole('textbox', { name: /^退款流水号/ }).fill('KLMY-REFUND-0001');
  await operator.getByRole('button', { name: '标记为已退款' }).click();
  await expect(operator.locator('tr', { hasText: order.orderNumber })).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('order-status')).toHaveText('已退保');
  await expect(page.getByRole('list', { name: '退保进度' })).toContainText('已退款');
  await snapshot(page, 'surrender-refunded');
});
