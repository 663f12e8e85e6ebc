import { expect, test, type Page } from '@playwright/test';

// The journeys build on each other (the operator publishes what the others then see).
test.describe.configure({ mode: 'serial' });
import { ACCOUNTS, signIn, snapshot } from './sign-in';

const PLATFORM_ADMIN = '13900000006';

async function openMenu(page: Page, name: string) {
  await page.getByRole('menuitem', { name }).click();
}

test('an operator drafts a regional invoice rule, sees live validation, the gate and the diff, and publishes', async ({ page }) => {
  await signIn(page, ACCOUNTS.operator);
  await openMenu(page, '规则集');
  await expect(page.getByText('发票规则')).toBeVisible();
  await expect(page.getByText('退保规则')).toBeVisible();
  await expect(page.getByText('支付来源规则')).toBeVisible();
  await snapshot(page, 'rules-rule-sets');

  await openMenu(page, '规则版本');
  await page.getByRole('link', { name: '新建' }).click();
  await expect(page).toHaveURL(/rule-versions\/create/);
  // The create form (not the list it replaces) is on screen once its 说明 field is.
  await page.getByRole('textbox', { name: /^说明/ }).fill('乌鲁木齐试行：开标后电子专用发票');
  await page.getByRole('combobox', { name: '规则集' }).click();
  await page.getByRole('option', { name: '发票规则' }).click();
  await page.getByRole('button', { name: '保存' }).click();

  // The new draft opens in the editor with a copy of the baseline.
  const editor = page.getByLabel('规则文档（JSON，json-rules-engine 格式）');
  await expect(editor).toHaveValue(/开标前不予开具发票/);
  await expect(page.getByTestId('rule-validation')).toContainText('文档有效：共 3 条规则');
  await expect(page.getByText('当 已开标 = 否 时 → 不予开具（开标后方可申请发票）')).toBeVisible();

  const original = await editor.inputValue();
  await editor.fill(original.replace('"bidOpened"', '"bidOpend"'));
  await expect(page.getByTestId('rule-validation')).toContainText('$[0].conditions.all[0].fact');
  await snapshot(page, 'rules-editor-invalid');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText(/文档有 \d+ 处错误/).first()).toBeVisible();

  // Allow electronic special invoices: drop the refusal and widen the allowed rule.
  const allowAll = JSON.parse(original) as { name: string; conditions: unknown; event: { type: string } }[];
  const relaxed = [allowAll[0], { ...allowAll[2], name: '开标后均可开具', conditions: { all: [{ fact: 'bidOpened', operator: 'equal', value: true }] } }];
  await editor.fill(JSON.stringify(relaxed, null, 2));
  await expect(page.getByTestId('rule-validation')).toContainText('文档有效：共 2 条规则');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/show$/);

  await page.getByRole('tab', { name: '对比' }).click();
  await expect(page.getByTestId('diff-summary')).toContainText('与 基线 v1（已发布） 相比有');
  await snapshot(page, 'rules-diff');

  await page.getByRole('tab', { name: '试算' }).click();
  await page.getByRole('combobox', { name: '已开标' }).click();
  await page.getByRole('option', { name: '是' }).click();
  await page.getByRole('combobox', { name: '发票介质' }).click();
  await page.getByRole('option', { name: '电子发票' }).click();
  await page.getByRole('combobox', { name: '发票类型' }).click();
  await page.getByRole('option', { name: '增值税专用发票' }).click();
  await page.getByRole('button', { name: '试算', exact: true }).click();
  await expect(page.getByTestId('simulation-result')).toContainText('可开具');
  await snapshot(page, 'rules-simulate');

  // The saved test cases still say electronic special invoices are refused: the gate holds.
  await page.getByRole('button', { name: '发布' }).click();
  await expect(page.getByTestId('publish-test-summary')).toContainText('1 个测试用例未通过，不能发布');
  await page.getByLabel('发布原因（必填，将记入审计日志）').fill('乌鲁木齐试行电子专用发票');
  await expect(page.getByRole('button', { name: '确认发布' })).toBeDisabled();
  await snapshot(page, 'rules-publish-gate');
  await page.getByRole('button', { name: '取消' }).click();

  // Put the refusal back: the draft now equals the baseline's behaviour and passes every case.
  await page.getByRole('link', { name: '编辑' }).click();
  await editor.fill(original);
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/show$/);
  await page.getByRole('button', { name: '发布' }).click();
  await expect(page.getByTestId('publish-test-summary')).toContainText('全部 5 个测试用例通过');
  await page.getByLabel('发布原因（必填，将记入审计日志）').fill('建立乌鲁木齐区域版本');
  await page.getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByText('已发布：之后的决策将使用此版本')).toBeVisible();
  await expect(page.getByText('已发布', { exact: true }).first()).toBeVisible();
  await snapshot(page, 'rules-published');

  await openMenu(page, '审计日志');
  await expect(page.getByText('发布规则版本').first()).toBeVisible();
});

test('compliance reads rule versions and the decision log but cannot change them', async ({ page }) => {
  await signIn(page, ACCOUNTS.compliance);
  await openMenu(page, '规则版本');
  await expect(page.getByRole('link', { name: '新建' })).toHaveCount(0);
  await page.getByText('乌鲁木齐试行：开标后电子专用发票').first().click();
  await expect(page.getByRole('tab', { name: '规则' })).toBeVisible();
  await expect(page.getByRole('button', { name: '发布' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '编辑' })).toHaveCount(0);
  const id = page.url().match(/rule-versions\/([^/]+)\/show/)![1];
  const response = await page.request.post(`/api/rules/versions/${id}/rollback`, { data: { reason: '合规试图回滚' } });
  expect(response.status()).toBe(403);
  await openMenu(page, '决策日志');
  // Whether or not the other journeys have paid orders yet, the log is readable and offers no change.
  await expect(page.getByText('暂无决策日志').or(page.locator('table tbody tr').first())).toBeVisible();
  await expect(page.getByRole('link', { name: '新建' })).toHaveCount(0);
});

test('the other region\'s operator, without the rule-editing permission, cannot draft rules', async ({ page }) => {
  await signIn(page, ACCOUNTS.otherOperator);
  await openMenu(page, '规则版本');
  await expect(page.getByRole('link', { name: '新建' })).toHaveCount(0);
  const response = await page.request.post('/api/admin/rule-versions', { data: { rule_set_key: 'invoice-type', region_id: '650200' } });
  expect(response.status()).toBe(403);
  expect((await response.json()).message).toContain('没有编辑规则的权限');
});

test('the platform administrator sees the baseline and every region', async ({ page }) => {
  await signIn(page, PLATFORM_ADMIN);
  await openMenu(page, '规则集');
  const invoice = page.locator('tbody tr', { hasText: '发票规则' });
  await expect(invoice).toContainText('v1');
  // The version the 乌鲁木齐 operator published above, seen from the platform.
  await expect(invoice).toContainText('乌鲁木齐市 v1');
  const payment = page.locator('tbody tr', { hasText: '支付来源规则' });
  await expect(payment).toContainText('沿用基线');
  await openMenu(page, '规则测试用例');
  await expect(page.getByText('开标后电子专用发票，拒绝')).toBeVisible();
});
