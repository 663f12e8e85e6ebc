import { expect, test } from '@playwright/test';
import { notifyTransfer, setServerClock } from './bank';
import { applyFor } from './journeys';
import { ACCOUNTS, signIn, snapshot } from './sign-in';

// 新疆昆仑路桥有限公司 (the other bidder) applies in 乌鲁木齐, on a section no other journey gives it.
const KUNLUN_USCC = '91650200MA7ABCDE1A';
const PROJECT = '乌鲁木齐市第十二中学教学楼改扩建工程';

test('an operator finds an order by the enterprise\'s USCC, reads its timeline and exports the list', async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  await signIn(page, ACCOUNTS.otherBidder);
  const order = await applyFor(page, PROJECT, '施工二标段');
  const paid = await notifyTransfer(request, {
    transactionId: `E2E-WS-${order.orderNumber}`, amountFen: order.premiumFen, payerName: '新疆昆仑路桥有限公司',
    payerAccount: '65050164620100001234', payerKind: 'enterprise', remark: order.remark,
  });
  expect(paid).toMatchObject({ status: 200, body: { status: 'matched' } });

  const operator = await browser.newPage();
  await signIn(operator, ACCOUNTS.operator);
  await operator.getByRole('menuitem', { name: '全部订单' }).click();
  await operator.getByPlaceholder(/统一社会信用代码/).fill(KUNLUN_USCC);
  // The search applies once react-admin has put it in the address.
  await expect(operator).toHaveURL(new RegExp(KUNLUN_USCC));
  const row = operator.locator('tr', { hasText: order.orderNumber });
  await expect(row).toBeVisible();
  await expect(row).toContainText('新疆昆仑路桥有限公司');
  await expect(row).toContainText('投保成功');
  // Every row found is that enterprise's.
  const rows = operator.locator('tbody tr');
  // The unfiltered list (whose newest row is this order too) stays on screen until the search's answer replaces it.
  await expect(rows.filter({ hasNotText: KUNLUN_USCC })).toHaveCount(0);
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await rows.allTextContents()) expect(text).toContain(KUNLUN_USCC);
  await snapshot(operator, 'workspace-orders-by-uscc');

  // The export is the list as filtered: the same orders, as CSV and as an Excel workbook.
  const csvHref = await operator.getByTestId('order-export-csv').getAttribute('href');
  expect(decodeURIComponent(csvHref!)).toContain(KUNLUN_USCC);
  const csv = await operator.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-disposition']).toContain('.csv');
  const csvText = await csv.text();
  expect(csvText).toContain(order.orderNumber);
  expect(csvText.trim().split('\r\n')).toHaveLength((await rows.count()) + 1);
  const download = operator.waitForEvent('download');
  await operator.getByTestId('order-export-xlsx').click();
  expect((await download).suggestedFilename()).toMatch(/^订单列表-\d{12}\.xlsx$/);

  await row.click();
  const timeline = operator.getByTestId('order-timeline');
  await expect(timeline).toContainText('创建订单');
  await expect(timeline).toContainText('收到转账');
  await expect(timeline).toContainText('规则决策');
  await expect(timeline).toContainText('出具保单');
  await snapshot(operator, 'workspace-order-timeline');
});

test("the 工作台's tiles say what the queues they link to hold", async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.operator);
  await expect(page.getByTestId('dashboard-today')).toBeVisible();
  const daily = page.getByTestId('dashboard-daily-orders');
  await expect(daily.locator('svg').first()).toBeVisible();
  // Orders are counted in whole numbers, and the days are written the Chinese way.
  const countTicks = (await daily.locator('.MuiChartsAxis-directionY .MuiChartsAxis-tickLabel').allTextContents()).filter(Boolean);
  expect(countTicks.length).toBeGreaterThan(1);
  for (const tick of countTicks) expect(tick).toMatch(/^\d+$/);
  const dayTicks = (await daily.locator('.MuiChartsAxis-directionX .MuiChartsAxis-tickLabel').allTextContents()).filter(Boolean);
  expect(dayTicks).toHaveLength(6);
  for (const tick of dayTicks) expect(tick).toMatch(/^\d{1,2}月\d{1,2}日$/);
  await snapshot(page, 'workspace-dashboard');
  const tiles = page.locator('[data-testid^="queue-"]').filter({ has: page.getByTestId('queue-count') });
  const count = await tiles.count();
  expect(count).toBe(7);
  for (let i = 0; i < count; i++) {
    const tile = tiles.nth(i);
    const shown = Number(await tile.getByTestId('queue-count').textContent());
    const href = (await tile.locator('a').getAttribute('href'))!;
    const [, resource, query] = /#\/([^?]+)\?filter=(.*)$/.exec(href)!;
    const filter = decodeURIComponent(query!);
    const listed = await page.request.get(`/api/admin/${resource}?filter=${encodeURIComponent(filter)}&range=[0,0]`);
    expect(listed.status()).toBe(200);
    expect(Number(/\/(\d+)$/.exec(listed.headers()['content-range']!)![1]), href).toBe(shown);
  }
  // A tile opens its queue, filtered.
  await page.getByTestId('queue-surrenders-submitted').click();
  await expect(page).toHaveURL(/#\/surrenders\?filter=/);

  // Compliance's home: the audit chain's state and the rule sets' outcomes.
  const compliance = await browser.newPage();
  await signIn(compliance, ACCOUNTS.compliance);
  await expect(compliance.getByTestId('dashboard-audit-chain')).toContainText('审计链完整');
  // The first journey's payment was decided by 支付来源规则: compliance sees it among the outcomes.
  await expect(compliance.getByTestId('dashboard-decisions-payment-source')).toContainText('支付来源规则');
  await snapshot(compliance, 'workspace-compliance-dashboard');
});

test('from 1 November, 工作台 and 工作日历 ask for the coming year\'s holidays while the calendar has none', async ({ page, request }) => {
  try {
    await setServerClock(request, new Date('2026-11-16T10:00:00+08:00'));
    await signIn(page, ACCOUNTS.operator);
    const banner = page.getByTestId('missing-calendar-banner');
    await expect(banner).toContainText('2027 年');
    await expect(banner).toContainText('暂定');
    await snapshot(page, 'workspace-calendar-banner');
    await page.getByRole('menuitem', { name: '工作日历' }).click();
    await expect(page.getByTestId('missing-calendar-banner')).toContainText('2027 年');

    // Before November the coming year's notice is not due yet: no banner.
    await setServerClock(request, new Date('2026-06-01T10:00:00+08:00'));
    await page.goto('/admin');
    await expect(page.getByTestId('dashboard-today')).toBeVisible();
    await expect(page.getByTestId('missing-calendar-banner')).toHaveCount(0);
  } finally {
    await setServerClock(request, null);
  }
});
