import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn, snapshot } from './sign-in';

// The later journeys look for the insurer the first one creates.
test.describe.configure({ mode: 'serial' });

const NEW_INSURER = '中国人寿财产保险股份有限公司乌鲁木齐市中心支公司';

test('an operator creates an insurer in its region and finds it in the list', async ({ page }) => {
  await signIn(page, ACCOUNTS.operator);
  await expect(page).toHaveURL(/\/admin/);
  await page.getByRole('menuitem', { name: '保险公司' }).click();
  await expect(page.getByText('中国平安财产保险股份有限公司新疆分公司')).toBeVisible();
  // The other region's insurer is not in this operator's list.
  await expect(page.getByText('中华联合财产保险股份有限公司克拉玛依中心支公司')).toHaveCount(0);
  await snapshot(page, 'operator-insurers');

  await page.getByRole('link', { name: '新建' }).click();
  await expect(page).toHaveURL(/insurers\/create/);
  await page.getByRole('textbox', { name: /^名称/ }).fill(NEW_INSURER);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('必填').first()).toBeVisible();

  await page.getByRole('textbox', { name: /^收款账户名/ }).fill(NEW_INSURER);
  await page.getByRole('textbox', { name: /^收款开户行/ }).fill('中国工商银行乌鲁木齐分行');
  await page.getByRole('textbox', { name: /^收款账号/ }).fill('abc');
  await page.getByRole('textbox', { name: /^联系电话/ }).fill('0991-95519');
  await page.getByRole('button', { name: '保存' }).click();
  // The server's field message appears beside the field.
  await expect(page.getByText('收款账号应为 8 至 32 位数字', { exact: true })).toBeVisible();
  await snapshot(page, 'operator-insurer-invalid');

  await page.getByRole('textbox', { name: /^收款账号/ }).fill('3002 0123 0902 4567 999');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/#\/insurers$/);
  await expect(page.getByText(NEW_INSURER)).toBeVisible();
  await snapshot(page, 'operator-insurer-created');

  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await expect(page.getByText('新建保险公司').first()).toBeVisible();
});

test('an operator of another region never sees the first region\'s insurer', async ({ page }) => {
  await signIn(page, ACCOUNTS.otherOperator);
  await page.getByRole('menuitem', { name: '保险公司' }).click();
  await expect(page.getByText('中华联合财产保险股份有限公司克拉玛依中心支公司')).toBeVisible();
  await expect(page.getByText(NEW_INSURER)).toHaveCount(0);
  const list = await page.request.get('/api/admin/insurers?range=[0,99]');
  expect(JSON.stringify(await list.json())).not.toContain(NEW_INSURER);
});

test('compliance reads everything and cannot edit', async ({ page }) => {
  await signIn(page, ACCOUNTS.compliance);
  await page.getByRole('menuitem', { name: '保险公司' }).click();
  await expect(page.getByText(NEW_INSURER)).toBeVisible();
  await expect(page.getByText('中华联合财产保险股份有限公司克拉玛依中心支公司')).toBeVisible();
  await expect(page.getByRole('link', { name: '新建' })).toHaveCount(0);
  await snapshot(page, 'compliance-insurers');

  await page.getByText(NEW_INSURER).click();
  await expect(page).toHaveURL(/\/show$/);
  await expect(page.getByRole('link', { name: '编辑' })).toHaveCount(0);

  const id = page.url().match(/insurers\/([^/]+)\/show/)![1];
  const response = await page.request.put(`/api/admin/insurers/${id}`, { data: { name: '合规改名' } });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ code: 'READ_ONLY_ROLE', message: '合规审计账号为只读，不能修改数据' });

  // The refunds queue opens on pending refunds; none exist before any payment arrives.
  await page.getByRole('menuitem', { name: '退款' }).click();
  await expect(page.getByRole('combobox', { name: '状态' })).toContainText('待退款');

  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByText(/审计链完整：已校验 \d+ 条记录/)).toBeVisible();
  await snapshot(page, 'compliance-audit-log');
});
