import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn, snapshot } from './sign-in';

test('an operator imports a bank statement after a preview; the same file again adds nothing; its lines wait in the transfers queue', async ({ page }) => {
  const stamp = Date.now();
  const csv = [
    '交易流水号,交易时间,金额（元）,付款人名称,付款人账号,付款人类型,附言',
    `STMT-${stamp}-1,2026-11-20 10:15:00,"1,200.00",新疆天山建设工程有限公司,3002012309024567812,企业,保证金保费`,
    `STMT-${stamp}-2,2026-11-20 11:30:00,88.50,王五,6222020200998877665,个人,服务费`,
  ].join('\r\n');
  const file = { name: '工行流水-1120.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}`) };

  await signIn(page, ACCOUNTS.operator);
  await page.goto('/admin#/statement-imports');
  await page.getByTestId('statement-import-start').first().click();
  await page.getByLabel('收款银行').click();
  await page.getByRole('option').first().click();
  await page.getByTestId('statement-file').setInputFiles(file);
  await expect(page.getByTestId('statement-preview-summary')).toContainText('2');
  await expect(page.getByTestId(`statement-line-2`)).toContainText('¥1,200.00');
  await snapshot(page, 'statement-preview');
  await page.getByTestId('statement-import-button').click();
  await page.getByTestId('statement-confirm').click();
  await expect(page.getByTestId('statement-import-result')).toContainText('新增 2 笔');

  // The same file once more: every line was already recorded, nothing to import.
  await page.getByTestId('statement-import-again').click();
  await page.getByLabel('收款银行').click();
  await page.getByRole('option').first().click();
  await page.getByTestId('statement-file').setInputFiles(file);
  await expect(page.getByTestId('statement-preview-summary')).toBeVisible();
  await expect(page.getByTestId('statement-import-button')).toBeDisabled();
  await snapshot(page, 'statement-preview-again');

  await page.goto('/admin#/transfers');
  await expect(page.locator('tr', { hasText: '服务费' })).toContainText('待匹配');
});

test('a large statement is recorded in the background: a progress bar, then the result and every line\'s outcome', async ({ page }) => {
  const stamp = Date.now();
  const lines = Array.from({ length: 6000 }, (_, i) =>
    `BIG-${stamp}-${i},2026-11-21 ${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00,${1 + (i % 900)}.00,付款人${i % 97},62220202${String(i).padStart(11, '0')},个人,货款 第${i}号`);
  const csv = ['交易流水号,交易时间,金额（元）,付款人名称,付款人账号,付款人类型,附言', ...lines].join('\r\n');
  const file = { name: '全年流水.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };

  await signIn(page, ACCOUNTS.operator);
  await page.goto('/admin#/statement-imports/create');
  await page.getByLabel('收款银行').click();
  await page.getByRole('option').first().click();
  await page.getByTestId('statement-file').setInputFiles(file);
  // The preview counts the whole file and lists its first thousand lines.
  await expect(page.getByTestId('statement-preview-summary')).toContainText('文件共 6000 笔交易');
  await expect(page.getByTestId('statement-preview-summary')).toContainText('下表列出其中 1000 行');
  await page.getByTestId('statement-import-button').click();
  await page.getByTestId('statement-confirm').click();

  const progress = page.getByTestId('statement-import-progress');
  await expect(progress).toContainText(/已处理 [\d,]+ \/ 6,000 行/);
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await snapshot(page, 'statement-import-progress');
  await expect(page.getByTestId('statement-import-result')).toContainText('共 6000 笔，新增 6000 笔', { timeout: 60_000 });
  await expect(page.getByTestId('statement-import-result')).toContainText('未匹配 6000 笔');
  await snapshot(page, 'statement-import-result');

  await page.getByTestId('statement-import-details').click();
  const table = page.getByTestId('statement-lines');
  await expect(table.locator('tr', { hasText: `BIG-${stamp}-0` }).first()).toContainText('未匹配订单，待人工处理');
  // Paged: 50 lines a page of the 6,000.
  await expect(table.locator('tbody tr')).toHaveCount(50);
  const download = page.waitForEvent('download');
  await page.getByTestId('statement-lines-download').click();
  expect((await download).suggestedFilename()).toBe('全年流水-逐行结果.csv');
  await snapshot(page, 'statement-import-lines');
});

test('operators keep the working-day calendar, with the official holidays already in it', async ({ page }) => {
  await signIn(page, ACCOUNTS.operator);
  await page.goto(`/admin#/calendar-days?filter=${encodeURIComponent(JSON.stringify({ year: '2026', month: '2' }))}`);
  await expect(page.locator('tr', { hasText: '2026-02-16' })).toBeVisible();
  await expect(page.locator('tr', { hasText: '2026-02-14' })).toContainText('调休上班');
  await snapshot(page, 'calendar-february');
});
