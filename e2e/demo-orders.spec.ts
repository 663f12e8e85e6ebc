import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signIn, snapshot } from './sign-in';

// Seeded by the app's own start-up (seedDemoOrders): the demo bidder whose enterprise has an order in every state,
// two of them in the demo region 昌吉回族自治州, whose operator reviews the transfer its rules sent to review.
const DEMO_ORDERS_BIDDER = '13900000010';
const DEMO_REVIEW_OPERATOR = '13900000011';

test('the demo bidder 13900000010 finds an order in every state on 我的订单, and downloads the issued invoice', async ({ page }) => {
  await signIn(page, DEMO_ORDERS_BIDDER);
  await page.goto('/orders');
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(6);
  for (const [status, count] of [['待支付', 1], ['支付审核中', 1], ['投保成功', 2], ['已取消', 1], ['已退保', 1]] as const) {
    await expect(rows.filter({ hasText: status })).toHaveCount(count);
  }
  // #18 point 1: 订单管理 says the cancelled and the surrendered orders' premiums are coming back.
  await expect(rows.filter({ hasText: '已取消' }).getByTestId('order-refund-summary')).toContainText('待退款');
  await expect(rows.filter({ hasText: '已退保' }).getByTestId('order-refund-summary')).toContainText('待退款');
  await snapshot(page, 'demo-orders');

  // #18 point 5: 【退保详情】 is a button once there is a surrender; before any, the panel is 申请退保, not 退保详情 over nothing.
  await rows.filter({ hasText: '已退保' }).getByRole('link', { name: '查看' }).click();
  await expect(page.getByRole('link', { name: '退保详情' })).toBeVisible();
  await expect(page.getByRole('region', { name: '退保详情' })).toContainText('已通过');
  await snapshot(page, 'demo-order-surrendered');
  await page.goto('/orders');
  await rows.filter({ hasText: '投保成功' }).filter({ hasText: '乌鲁木齐市第十二中学教学楼改扩建工程' }).getByRole('link', { name: '查看' }).click();
  await expect(page.getByRole('link', { name: '退保详情' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: '申请退保' })).toBeVisible();
  await page.goto('/orders');

  await rows.filter({ hasText: '支付审核中' }).getByRole('link', { name: '查看' }).click();
  await expect(page.getByText('支付审核中').first()).toBeVisible();
  // The bidder learns who has the order now and what either outcome brings.
  await expect(page.getByTestId('order-status-note')).toContainText('运营人员正在人工审核付款信息');
  await snapshot(page, 'demo-order-payment-review');

  await page.goto('/orders');
  await rows.filter({ hasText: '昌吉市北京南路人行天桥建设工程' }).getByRole('link', { name: '查看' }).click();
  await expect(page.getByTestId('invoice-status')).toHaveText('已开具');
  // #18 point 4: after the opening of a normal project the bidder learns before confirming that the rules refuse.
  await page.getByRole('button', { name: '申请退保' }).click();
  const confirm = page.getByRole('alertdialog', { name: '确认申请退保' });
  for (const reason of [/放弃投标/, /项目异常/]) {
    await confirm.getByRole('radio', { name: reason }).check();
    await expect(confirm.getByTestId('surrender-preview')).toHaveClass(/field__error/);
    await expect(confirm.getByRole('button', { name: '确认申请退保' })).toBeDisabled();
  }
  await snapshot(page, 'demo-order-surrender-refused');
  await confirm.getByRole('button', { name: '取消' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载发票' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^发票-\d{20}\.pdf$/);
  expect(readFileSync((await file.path())!).subarray(0, 5).toString()).toBe('%PDF-');
  await snapshot(page, 'demo-order-invoice');
});

test("the 昌吉回族自治州 operator finds the demo bidder's transfer in its review queue", async ({ page }) => {
  await signIn(page, DEMO_REVIEW_OPERATOR);
  const tile = page.getByTestId('queue-transfers-review');
  await expect(tile.getByTestId('queue-count')).toHaveText('1');
  await expect(page.getByTestId('queue-payment-review').getByTestId('queue-count')).toHaveText('1');
  await tile.click();
  await expect(page).toHaveURL(/#\/transfers\?filter=/);
  const row = page.locator('tbody tr', { hasText: '孙晓燕' });
  await expect(row).toContainText('待人工审核');
  await row.click();
  await expect(page.getByText('支付来源规则要求人工审核这笔转账')).toBeVisible();
  await snapshot(page, 'demo-transfer-review');
});
