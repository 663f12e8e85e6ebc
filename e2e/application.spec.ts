import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn, snapshot } from './sign-in';

// The second journey opens the order the first one creates.
test.describe.configure({ mode: 'serial' });

test('a bidder applies from 立即申请 to a payable order, uses 暂不支付, changes the information and finds the order', async ({ page }) => {
  await signIn(page, ACCOUNTS.bidder);
  const row = page.locator('tbody tr', { hasText: '乌鲁木齐市第十二中学教学楼改扩建工程' }).filter({ hasText: '施工一标段' });
  const applyHref = await row.getByRole('link', { name: '立即申请' }).getAttribute('href');
  await row.getByRole('link', { name: '立即申请' }).click();

  // 选择金融产品: three products of the region cover construction, each priced for this ¥800,000 deposit.
  await expect(page.getByRole('heading', { name: '选择金融产品' })).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(3);
  await expect(page.getByText('¥1,200.00')).toBeVisible();
  await snapshot(page, 'apply-choose-product');
  await page.getByLabel('选择 投标保证保险（建设工程）').check();
  await page.getByRole('button', { name: '确认' }).click();

  // 投保须知 must be confirmed.
  await expect(page.getByLabel('投保须知', { exact: true })).toContainText('一、本产品为投标保证保险');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page).toHaveURL(/\/notice/);
  await page.getByLabel('我已阅读并同意《投保须知》').check();
  await page.getByRole('button', { name: '下一步' }).click();

  // The generated form, prefilled from the enterprise profile; the browser refuses a bad credit code.
  const uscc = page.getByLabel('统一社会信用代码');
  await expect(uscc).toHaveValue('91650100712345678G');
  await uscc.fill('91650100712345678H');
  await page.getByLabel('联系人手机号').fill('0991123456');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('统一社会信用代码无效：应为 18 位数字或大写字母，且校验位正确')).toBeVisible();
  await expect(page.getByText('请输入 11 位中国大陆手机号')).toBeVisible();
  await snapshot(page, 'apply-form-invalid');
  await uscc.fill('91650100712345678G');
  await page.getByLabel('联系人手机号').fill('13900000001');
  await page.getByRole('button', { name: '提交' }).click();

  // Summary, then 确认并支付.
  await expect(page.getByRole('heading', { name: '请核对投保信息' })).toBeVisible();
  await expect(page.getByText('¥1,200.00')).toBeVisible();
  await page.getByRole('button', { name: '确认并支付' }).click();

  // The order, its remark code and the exact amount to transfer.
  await expect(page.getByTestId('order-status')).toHaveText('待支付');
  const remark = await page.getByTestId('remark-code').textContent();
  const orderPath = new URL(page.url()).pathname;
  expect(remark).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{8}$/);
  await expect(page.getByLabel('支付信息')).toContainText('¥1,200.00');
  await expect(page.getByLabel('支付信息')).toContainText('3002012309024567812');
  await expect(page.getByLabel('支付信息')).toContainText('中国人民财产保险股份有限公司乌鲁木齐市分公司');
  await snapshot(page, 'apply-payment-instructions');

  // 暂不支付 → 订单管理 → 查看 → 修改投保信息.
  await page.getByRole('link', { name: '暂不支付' }).click();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(page.locator('tbody tr').first()).toContainText('待支付');
  await snapshot(page, 'orders-list');
  await page.getByRole('link', { name: '查看' }).click();
  await page.getByRole('link', { name: '修改投保信息' }).click();
  await page.getByLabel('联系人姓名').fill('王芳');
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('投保信息已更新。')).toBeVisible();
  await expect(page.getByLabel('投保信息')).toContainText('王芳');

  // 立即支付 shows the same instructions again; the timeline shows the submission.
  await page.getByRole('link', { name: '立即支付' }).click();
  await expect(page.getByTestId('remark-code')).toHaveText(remark!);
  await expect(page.getByLabel('订单进度')).toContainText('提交投保申请');

  // The section now offers its live order instead of 立即申请.
  await page.goto('/');
  const applied = page.locator('tbody tr', { hasText: '乌鲁木齐市第十二中学教学楼改扩建工程' }).filter({ hasText: '施工一标段' });
  await expect(applied.getByRole('link', { name: '立即申请' })).toHaveCount(0);
  await expect(applied.getByRole('link', { name: '查看订单' })).toHaveAttribute('href', orderPath);
  await snapshot(page, 'bidder-home-live-order');
  // A second application for the same section, by its address, is refused with the existing order's number.
  await page.goto(applyHref!);
  await page.getByRole('button', { name: '确认' }).click();
  await page.getByLabel('我已阅读并同意《投保须知》').check();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByRole('button', { name: '确认并支付' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '您已为该标段提交过申请' })).toBeVisible();
});

test('another enterprise cannot open the first enterprise\'s order', async ({ page }) => {
  await signIn(page, ACCOUNTS.bidder);
  await page.goto('/orders');
  await page.getByRole('link', { name: '查看' }).first().click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  const url = page.url();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, ACCOUNTS.otherBidder);
  await expect(page.getByRole('heading', { name: '我的投标保函' })).toBeVisible();
  await page.goto(url);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await page.goto('/orders');
  await expect(page.getByText('暂无订单')).toBeVisible();
});

test('a bidder abandons its unpaid order after confirming, and may apply for the section again', async ({ page }) => {
  await signIn(page, ACCOUNTS.bidder);
  await page.goto('/orders');
  await page.getByRole('link', { name: '查看' }).first().click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: '放弃购买保函' }).click();
  await expect(page.getByRole('alertdialog', { name: '确认放弃购买保函' })).toBeVisible();
  await snapshot(page, 'order-abandon-confirm');
  await page.getByRole('button', { name: '确认放弃' }).click();
  await expect(page).toHaveURL(/\/orders\?abandoned=1/);
  await expect(page.locator('tbody tr').first()).toContainText('已放弃');
  await page.goto('/');
  const row = page.locator('tbody tr', { hasText: '乌鲁木齐市第十二中学教学楼改扩建工程' }).filter({ hasText: '施工一标段' });
  await expect(row.getByRole('link', { name: '查看订单' })).toHaveCount(0);
  await expect(row.getByRole('link', { name: '立即申请' })).toHaveCount(1);
});
