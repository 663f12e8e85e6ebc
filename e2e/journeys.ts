import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { notifyTransfer } from './bank';

export const BASIC_ACCOUNT = '3002012309024567812'; // 新疆天山建设工程有限公司's basic account

export interface AppliedOrder {
  remark: string;
  premiumFen: number;
  orderUrl: string;
  orderNumber: string;
}

/**
 * 立即申请 → product → 投保须知 → form (prefilled from the enterprise profile) → 确认并支付, for the
 * signed-in bidder. A region may have published a form with extra required fields (the forms journeys
 * add 项目经理 and 企业类型): those are filled too.
 */
export async function applyFor(page: Page, projectName: string, sectionName: string): Promise<AppliedOrder> {
  await page.goto('/');
  await page.locator('tbody tr', { hasText: projectName }).filter({ hasText: sectionName }).getByRole('link', { name: '立即申请' }).click();
  await expect(page.getByRole('heading', { name: '选择金融产品' })).toBeVisible();
  await page.getByRole('button', { name: '确认' }).click();
  await page.getByLabel('我已阅读并同意《投保须知》').check();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  const manager = page.getByLabel('项目经理', { exact: false });
  if (await manager.count()) await manager.fill('赵工');
  // The form-builder journey adds a required 企业类型 choice to 乌鲁木齐's form.
  const kind = page.getByLabel('企业类型', { exact: false });
  if (await kind.count()) await kind.selectOption({ label: '民营企业' });
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByRole('button', { name: '确认并支付' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('待支付');
  return {
    remark: (await page.getByTestId('remark-code').textContent())!.trim(),
    premiumFen: Number(await page.getByTestId('premium-amount').getAttribute('data-fen')),
    orderUrl: page.url().replace(/\?.*$/, ''),
    orderNumber: (await page.getByTestId('order-number').textContent())!.trim(),
  };
}

/** The bank reports the exact premium from the enterprise's basic account, with the remark. */
export async function payFromBasicAccount(request: APIRequestContext, order: AppliedOrder) {
  const paid = await notifyTransfer(request, {
    transactionId: `E2E-PAY-${order.orderNumber}`, amountFen: order.premiumFen, payerName: '新疆天山建设工程有限公司',
    payerAccount: BASIC_ACCOUNT, payerKind: 'enterprise', remark: order.remark,
  });
  expect(paid).toMatchObject({ status: 200, body: { status: 'matched' } });
}
