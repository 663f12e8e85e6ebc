import { expect, test } from '@playwright/test';
import { notifyTransfer } from './bank';
import { applyFor } from './journeys';
import { ACCOUNTS, signIn, snapshot } from './sign-in';

const PLATFORM_ADMIN = '13900000006';
// 陈静's enterprise: its basic account pays a construction premium, and its form's e-mail gets the mails.
const KUNLUN = { name: '新疆昆仑路桥有限公司', basicAccount: '65050164620100001234', email: 'tender@kunlun-luqiao.example.cn' };

test('an issued policy is mailed to the applicant: with no SMTP server it is in 邮件 for the platform, and 推送记录 shows its delivery', async ({ page, request, browser }) => {
  // Three people, and the back office's first load on a busy machine.
  test.setTimeout(180_000);
  await signIn(page, ACCOUNTS.otherBidder);
  const order = await applyFor(page, '克拉玛依市白碱滩区道路照明工程', '施工二标段');
  const paid = await notifyTransfer(request, {
    transactionId: `E2E-MAIL-${order.orderNumber}`, amountFen: order.premiumFen, payerName: KUNLUN.name,
    payerAccount: KUNLUN.basicAccount, payerKind: 'enterprise', remark: order.remark,
  });
  expect(paid).toMatchObject({ status: 200, body: { status: 'matched' } });
  await page.goto(order.orderUrl);
  await expect(page.getByRole('link', { name: '下载保单（加密）' })).toBeVisible();
  const policyNumber = (await page.getByTestId('policy-number').textContent())!.trim();

  // The platform administrator reads the mail the applicant would have received.
  const admin = await browser.newPage();
  await signIn(admin, PLATFORM_ADMIN);
  await admin.goto('/admin#/mailbox');
  await expect(admin.getByText('未配置邮件服务器（SMTP_URL）时')).toBeVisible({ timeout: 30_000 });
  // Delivered by the outbox worker moments after the document: the list is refreshed until it is there.
  const row = admin.locator('tr', { hasText: `保单号 ${policyNumber}` });
  await expect(async () => {
    await admin.getByRole('button', { name: '刷新' }).click();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(row).toContainText(KUNLUN.email);
  await expect(row).toContainText(`保单-${policyNumber}.pdf.enc`);
  await snapshot(admin, 'admin-mailbox');
  await row.click();
  await expect(admin.getByText('附件「保单-', { exact: false })).toBeVisible();
  await expect(admin.getByText('开标前任何人（包括贵单位）均无法打开', { exact: false })).toBeVisible();
  await expect(admin.getByText(`保单号：${policyNumber}`)).toBeVisible();
  await snapshot(admin, 'admin-mailbox-policy-mail');
  await admin.close();

  // The region's operator sees the delivery and its attempt in 推送记录, and has no mailbox.
  const operator = await browser.newPage();
  await signIn(operator, ACCOUNTS.otherOperator);
  await operator.goto(`/admin#/outbox-messages?filter=${encodeURIComponent(JSON.stringify({ state: 'delivered' }))}`);
  const delivered = operator.locator('tr', { hasText: `保单号 ${policyNumber}` });
  await expect(delivered).toContainText('已投递');
  await expect(delivered).toContainText(KUNLUN.email);
  await expect(operator.getByRole('menuitem', { name: '邮件' })).toHaveCount(0);
  await snapshot(operator, 'admin-outbox-messages');
  await delivered.click();
  await expect(operator.getByRole('table', { name: '投递尝试' })).toContainText('成功');
  await expect(operator.getByRole('button', { name: '立即重试' })).toHaveCount(0);
  await snapshot(operator, 'admin-outbox-message');
  await operator.close();
});
