import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { notifyTransfer, pausePolicyRendering, setServerClock } from './bank';
import { applyFor, BASIC_ACCOUNT, payFromBasicAccount } from './journeys';
import { ACCOUNTS, signIn, snapshot } from './sign-in';

// The journeys pay orders they create and move the server's clock: one after the other.
test.describe.configure({ mode: 'serial' });

const DAY = 24 * 60 * 60 * 1000;

// Each journey starts on real time, whatever the one before moved the clock to.
test.beforeEach(async ({ request }) => {
  await setServerClock(request, null);
});
test.afterAll(async ({ request }) => {
  await setServerClock(request, null);
});

test('a signed bank notification pays the order; 保单生成中 until its document exists; the bidder gets the sealed policy, and the PDF once the bid has opened', async ({ page, request, browser }) => {
  await signIn(page, ACCOUNTS.bidder);
  const order = await applyFor(page, '乌鲁木齐市2026年市政道路养护服务采购项目', '包2：新市区、水磨沟区');

  // A forged notification changes nothing; the bank's signed one insures the order.
  const forged = await request.post('/api/bank/transfers', {
    headers: { 'content-type': 'application/json', 'x-bank-code': 'demo', 'x-bank-timestamp': String(Math.floor(Date.now() / 1000)), 'x-bank-signature': '00'.repeat(32) },
    data: JSON.stringify({ transactionId: 'E2E-FORGED', amountFen: order.premiumFen, payerName: 'x', payerAccount: BASIC_ACCOUNT, payerKind: 'enterprise', remark: order.remark, bankTime: new Date().toISOString() }),
  });
  expect(forged.status()).toBe(401);
  // The document is rendered off the request: held back here, the order is insured and numbered without it.
  await pausePolicyRendering(request, true);
  try {
    await payFromBasicAccount(request, order);
    await page.goto(order.orderUrl);
    await expect(page.getByTestId('order-status')).toHaveText('投保成功');
    await expect(page.getByTestId('policy-generating')).toContainText('保单生成中');
    await expect(page.getByTestId('policy-generating-button')).toBeDisabled();
    await expect(page.getByRole('link', { name: '下载保单（加密）' })).toHaveCount(0);
    await snapshot(page, 'order-issued-policy-generating');
    // The region's operators see it waiting in 保单生成.
    const operator = await browser.newPage();
    await signIn(operator, ACCOUNTS.operator);
    await operator.goto('/admin#/policy-document-jobs');
    await expect(operator.locator('tr', { hasText: order.orderNumber })).toContainText('生成中');
    await snapshot(operator, 'admin-policy-documents-pending');
    await operator.close();
  } finally {
    await pausePolicyRendering(request, false);
  }
  // The page asks by itself and offers the download once the document exists.
  await expect(page.getByRole('link', { name: '下载保单（加密）' })).toBeVisible();
  await expect(page.getByTestId('policy-generating')).toHaveCount(0);

  await expect(page.getByLabel('订单进度')).toContainText('支付来源审核通过，投保成功');
  const policyNumber = (await page.getByTestId('policy-number').textContent())!.trim();
  expect(policyNumber).toMatch(/^BD\d{16}$/);
  await expect(page.getByTestId('policy-download-hint')).toContainText('开标前只能下载加密保单');
  await snapshot(page, 'order-issued-sealed-policy');

  const sealedDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载保单（加密）' }).click();
  const sealed = await sealedDownload;
  expect(sealed.suggestedFilename()).toBe(`保单-${policyNumber}.pdf.enc`);
  const sealedBytes = fs.readFileSync((await sealed.path())!);
  expect(sealedBytes.subarray(0, 4).toString()).toBe('BGP1');
  expect(sealedBytes.includes(Buffer.from('%PDF'))).toBe(false);

  // The bid opens (six days after the demo data were seeded): the same button now gives the PDF.
  await setServerClock(request, new Date(Date.now() + 7 * DAY));
  await page.reload();
  await expect(page.getByTestId('policy-download-hint')).toContainText('已开标');
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载保单', exact: true }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe(`保单-${policyNumber}.pdf`);
  expect(fs.readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
  await setServerClock(request, null);

  // The tenderer checks it on the public page, signed out.
  await page.getByRole('link', { name: '保单验真' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('保单真实有效');
  await expect(page.getByTestId('verify-result')).not.toContainText('新疆天山建设工程有限公司');
  await snapshot(page, 'verify-valid');
  await page.context().clearCookies();
  await page.goto(`/verify?number=${policyNumber}&code=WRONGCODE`);
  await expect(page.getByTestId('verify-result')).toContainText('未查询到该保单');
});

test('an operator matches a transfer whose remark named no order; the rules judge it and the refund is queued', async ({ page, request, browser }) => {
  await signIn(page, ACCOUNTS.bidder);
  const order = await applyFor(page, '乌鲁木齐市第十二中学教学楼改扩建工程', '施工二标段');
  const { orderNumber } = order;
  const transactionId = `E2E-NOREMARK-${Date.now()}`;
  const unmatched = await notifyTransfer(request, {
    transactionId, amountFen: order.premiumFen, payerName: '新疆天山建设工程有限公司', payerAccount: BASIC_ACCOUNT, payerKind: 'enterprise', remark: '投标保证金保费',
  });
  expect(unmatched.body).toMatchObject({ status: 'unmatched', orderId: null });

  const operator = await browser.newPage();
  await signIn(operator, ACCOUNTS.operator);
  // The notification was acknowledged once stored and recorded moments later: nothing waits in 银行通知.
  await operator.goto('/admin#/bank-notifications');
  await expect(operator.getByText('没有待入账的银行通知')).toBeVisible();
  await operator.goto(`/admin#/bank-notifications?filter=${encodeURIComponent(JSON.stringify({ state: 'done', q: transactionId }))}`);
  await expect(operator.locator('tr', { hasText: transactionId })).toContainText('已入账');
  await expect(operator.locator('tr', { hasText: transactionId }).getByRole('link', { name: `流水 ${transactionId}` })).toBeVisible();
  await snapshot(operator, 'admin-bank-notifications');
  await operator.goto('/admin#/transfers');
  const row = operator.locator('tr', { hasText: '投标保证金保费' });
  await expect(row).toBeVisible();
  await snapshot(operator, 'admin-transfers-unmatched');
  await row.click();
  await operator.getByRole('button', { name: '匹配订单' }).click();
  const dialog = operator.getByRole('dialog', { name: '将转账匹配到订单' });
  await dialog.getByLabel('订单号').fill('BH0000000000000000');
  await dialog.getByLabel('匹配说明').fill('电话联系投标人核实');
  await dialog.getByRole('button', { name: '确认匹配' }).click();
  await expect(dialog.getByRole('alert')).toContainText('未找到订单号为 BH0000000000000000 的订单');
  await dialog.getByLabel('订单号').fill(orderNumber);
  await dialog.getByRole('button', { name: '确认匹配' }).click();
  await expect(operator.getByText('已匹配，审核结果见订单状态')).toBeVisible();
  await expect(operator.getByText('已匹配订单')).toBeVisible();
  await snapshot(operator, 'admin-transfer-matched');

  // Without the remark the seed's rules refuse the payment: the order is cancelled, the premium refunded.
  await operator.goto('/admin#/refunds');
  await expect(operator.locator('tr', { hasText: orderNumber })).toContainText('附言');
  await page.goto(order.orderUrl);
  await expect(page.getByTestId('order-status')).toHaveText('已取消');
  await expect(page.getByLabel('订单进度')).toContainText('转账附言与订单银行附言不一致');

  // A cancelled order is never issued: its page says the premium is coming back, and when.
  await expect(page.getByTestId('order-refund')).toContainText('待退款');
  await expect(page.getByTestId('order-refund')).toContainText('预计');
  await expect(page.getByRole('link', { name: '支付遇到问题请点击' })).toHaveCount(0);
  // Half an hour later nothing changes ("not issued" makes no sense here); once the refund is overdue the
  // bidder may ask for the money back.
  await setServerClock(request, new Date(Date.now() + 31 * 60 * 1000));
  await page.reload();
  await expect(page.getByRole('link', { name: '支付遇到问题请点击' })).toHaveCount(0);
  await setServerClock(request, new Date(Date.now() + 12 * 24 * 60 * 60 * 1000));
  await page.reload();
  await expect(page.getByTestId('order-refund')).toContainText('已超过预计到账日期');
  await page.getByRole('link', { name: '支付遇到问题请点击' }).click();
  await expect(page.getByRole('radio', { name: /已支付，未出函/ })).toHaveCount(0);
  await page.getByRole('radio', { name: /申请退费/ }).check();
  await page.getByLabel('问题描述').fill('附言漏填，订单已取消，申请退回保费');
  await page.getByLabel('退款账户名称').fill('新疆天山建设工程有限公司');
  await page.getByLabel('开户银行').fill('中国工商银行乌鲁木齐天山区支行');
  await page.getByLabel('退款账号').fill('12ab');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('退款账号应为 8 至 32 位数字')).toBeVisible();
  await page.getByLabel('退款账号').fill(BASIC_ACCOUNT);
  await snapshot(page, 'payment-problem-form');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('已提交支付问题')).toBeVisible();
  await expect(page.getByTestId('payment-ticket')).toContainText('平台处理中');
  await setServerClock(request, null);

  await operator.goto('/admin#/payment-tickets');
  await operator.locator('tr', { hasText: orderNumber }).click();
  await operator.getByRole('textbox', { name: /^处理结果/ }).fill('保费已登记退款，5 个工作日内原路退回基本户');
  await operator.getByRole('button', { name: '提交处理结果' }).click();
  await expect(operator.locator('tr', { hasText: orderNumber })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('payment-ticket')).toContainText('平台回复');
  await expect(page.getByTestId('payment-ticket')).toContainText('保费已登记退款');
  await snapshot(page, 'payment-problem-answered');
});
