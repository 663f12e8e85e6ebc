import { expect, test } from '@playwright/test';
import { signIn, snapshot } from './sign-in';

// Seeded by the app's own start-up (seedDemoOrders): the demo bidder whose enterprise has an order in every state.
const DEMO_ORDERS_BIDDER = '13900000010';

test('the demo bidder 13900000010 finds an order in every state on 我的订单', async ({ page }) => {
  await signIn(page, DEMO_ORDERS_BIDDER);
  await page.goto('/orders');
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  for (const status of ['待支付', '投保成功', '已取消', '已退保']) {
    await expect(rows.filter({ hasText: status })).toHaveCount(1);
  }
  await snapshot(page, 'demo-orders');
});
