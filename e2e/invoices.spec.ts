import { expect, test } from '@playwright/test';
import { setServerClock } from './bank';
import { applyFor, payFromBasicAccount } from './journeys';
import { ACCOUNTS, signIn, snapshot } from './sign-in';

const DAY = 24 * 60 * 60 * 1000;

// Each journey starts on real time, whatever the one before moved the clock to.
test.beforeEach(async ({ request }) => {
  await setServerClock(request, null);
});
test.afterAll(async ({ request }) => {
  await setServerClock(request, null);
});

test('after bid opening a bidder requests a paper special VAT invoice; an operator records the mailing; the bidder sees it', async ({ page, browser, request }) => {
  await signIn(page, ACCOUNTS.bidder);
  const order = await applyFor(page, '克拉玛依市白碱滩区道路照明工程', '施工一标段');
  await payFromBasicAccount(request, order);

  // Before the opening the invoice rules refuse: the panel says when it becomes possible.
  await page.goto(order.orderUrl);
  await expect(page.getByTestId('order-status')).toHaveText('投保成功');
  await expect(page.getByRole('button', { name: '申请发票' })).toHaveCount(0);

  // The bid opens (13 days after the demo data were seeded).
  await setServerClock(request, new Date(Date.now() + 14 * DAY));
  await page.reload();
  const panel = page.getByTestId('invoice-panel');
  await panel.getByRole('button', { name: '申请发票' }).click();
  await panel.getByRole('radio', { name: /^电子发票/ }).check();
  await expect(panel.getByRole('radio', { name: /^增值税专用发票/ })).toBeDisabled();
  // An electronic invoice can only be ordinary: the rules' reason is shown beside the refused choice.
  await expect(panel.getByTestId('invoice-choice-refusal').first()).toContainText('电子发票仅支持增值税普通发票');
  await panel.getByRole('radio', { name: /^纸质发票/ }).check();
  await panel.getByRole('radio', { name: /^增值税专用发票/ }).check();
  await panel.getByLabel('注册地址').fill('乌鲁木齐市天山区解放北路 88 号');
  await panel.getByLabel('注册电话').fill('0991-2345678');
  await panel.getByLabel('邮寄地址').fill('乌鲁木齐市天山区解放北路 88 号 财务部');
  await snapshot(page, 'invoice-request-form');
  await panel.getByRole('button', { name: '提交申请' }).click();
  await page.getByRole('region', { name: '请核对发票信息' }).getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByTestId('invoice-status')).toHaveText('待开具');

  // 克拉玛依's operator issues it and records the mailing.
  const operator = await browser.newPage();
  await signIn(operator, ACCOUNTS.otherOperator);
  await operator.goto('/admin#/invoices');
  await operator.locator('tr', { hasText: order.orderNumber }).click();
  await operator.getByRole('button', { name: '开具发票' }).click();
  await operator.getByRole('textbox', { name: /^发票号码/ }).fill('65002611240001');
  await operator.getByRole('textbox', { name: /^快递公司/ }).fill('中国邮政 EMS');
  await operator.getByRole('textbox', { name: /^运单号/ }).fill('1187654321098');
  await operator.getByRole('button', { name: '确认开具' }).click();
  await expect(operator.getByText('发票已开具，邮寄信息已记录')).toBeVisible();
  await snapshot(operator, 'invoice-issued-admin');

  await page.reload();
  await expect(page.getByTestId('invoice-status')).toHaveText('已开具');
  await page.getByRole('button', { name: '发票及收件信息' }).click();
  const details = page.getByTestId('invoice-details');
  for (const text of ['65002611240001', '中国邮政 EMS', '1187654321098', '乌鲁木齐市天山区解放北路 88 号 财务部']) {
    await expect(details).toContainText(text);
  }
  await snapshot(page, 'invoice-mailing-shown');
});

test('an electronic ordinary invoice is uploaded by the operator and downloaded by the bidder', async ({ page, browser, request }) => {
  await signIn(page, ACCOUNTS.bidder);
  const order = await applyFor(page, '乌鲁木齐市第十二中学教学楼改扩建工程', '施工一标段');
  await payFromBasicAccount(request, order);
  await setServerClock(request, new Date(Date.now() + 14 * DAY));
  await page.goto(order.orderUrl);
  const panel = page.getByTestId('invoice-panel');
  await panel.getByRole('button', { name: '申请发票' }).click();
  await panel.getByRole('radio', { name: /^电子发票/ }).check();
  await panel.getByRole('radio', { name: /^增值税普通发票/ }).check();
  await panel.getByRole('button', { name: '提交申请' }).click();
  await page.getByRole('region', { name: '请核对发票信息' }).getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByTestId('invoice-status')).toHaveText('待开具');

  const operator = await browser.newPage();
  await signIn(operator, ACCOUNTS.operator);
  await operator.goto('/admin#/invoices');
  await operator.locator('tr', { hasText: order.orderNumber }).click();
  await operator.getByRole('button', { name: '开具发票' }).click();
  await operator.getByRole('textbox', { name: /^发票号码/ }).fill('65002611240002');
  // Not a PDF: refused before anything is stored.
  await operator.getByTestId('invoice-file').setInputFiles({ name: '发票.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') });
  await operator.getByRole('button', { name: '确认开具' }).click();
  await expect(operator.getByRole('dialog').getByRole('alert')).toBeVisible();
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  await operator.getByTestId('invoice-file').setInputFiles({ name: '电子发票-65002611240002.pdf', mimeType: 'application/pdf', buffer: pdf });
  await operator.getByRole('button', { name: '确认开具' }).click();
  await expect(operator.getByText('发票已开具，投标人可在订单详情下载')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('invoice-status')).toHaveText('已开具');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载发票' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  const { readFileSync } = await import('node:fs');
  expect(readFileSync((await file.path())!).equals(pdf)).toBe(true);
  await snapshot(page, 'invoice-electronic-issued');
});
