import { expect, test } from '@playwright/test';
import { DEFAULT_APPLICATION_FORM } from '../forms/defaults/default-application-form';
import { INVALID_APPLICATIONS, VALID_APPLICATION } from '../forms/fixtures/application-submissions';
import { validateFormData } from '../forms/validate-form-data';
import { ACCOUNTS, signIn, snapshot } from './sign-in';

test.describe.configure({ mode: 'serial' });

type Schema = { title?: string; properties?: Record<string, Schema> };

/** `applicant.uscc` → 统一社会信用代码: the label the generated form shows (a required field adds *). */
function labelOf(path: string): RegExp {
  let node = DEFAULT_APPLICATION_FORM.schema as Schema;
  for (const key of path.split('.')) node = node.properties![key]!;
  return new RegExp(`^${node.title!}\\*?$`);
}

function leaves(data: Record<string, unknown>, prefix = ''): [string, string][] {
  return Object.entries(data).flatMap(([key, value]) =>
    value && typeof value === 'object' ? leaves(value as Record<string, unknown>, `${prefix}${key}.`) : [[`${prefix}${key}`, String(value ?? '')] as [string, string]],
  );
}

test('the browser form refuses exactly what the server refuses, with the same message', async ({ page }) => {
  await signIn(page, ACCOUNTS.otherBidder);
  // A 克拉玛依 section: its applicants fill the platform's form.
  const row = page.locator('tbody tr', { hasText: '克拉玛依市白碱滩区道路照明工程' }).filter({ hasText: '施工一标段' });
  await row.getByRole('link', { name: '立即申请' }).click();
  await page.getByRole('button', { name: '确认' }).click();
  await page.getByLabel('我已阅读并同意《投保须知》').check();
  await page.getByRole('button', { name: '下一步' }).click();
  const formUrl = page.url();

  for (const { label, data, field } of INVALID_APPLICATIONS) {
    const server = validateFormData(DEFAULT_APPLICATION_FORM.schema, data);
    expect(server.ok, label).toBe(false);
    const message = server.ok ? '' : server.fieldErrors[field]!;
    await page.goto(formUrl);
    const complete = { ...Object.fromEntries(leaves(VALID_APPLICATION as unknown as Record<string, unknown>)), ...Object.fromEntries(leaves(data as Record<string, unknown>)) };
    for (const [path, value] of Object.entries(complete)) await page.getByLabel(labelOf(path)).fill(value);
    if (field === 'applicant.legalRepresentative') await page.getByLabel(labelOf(field)).fill('');
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.getByText(message, { exact: true }).first(), label).toBeVisible();
    await expect(page.getByRole('heading', { name: '请核对投保信息' })).toHaveCount(0);
  }

  // And the valid application is accepted by the browser (and, per the unit tests, by the server).
  await page.goto(formUrl);
  for (const [path, value] of leaves(VALID_APPLICATION as unknown as Record<string, unknown>)) await page.getByLabel(labelOf(path)).fill(value);
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('heading', { name: '请核对投保信息' })).toBeVisible();
});

test('an operator adds a field to its region\'s form, publishes it, and the next application asks for it', async ({ page }) => {
  await signIn(page, ACCOUNTS.operator);
  await page.getByRole('menuitem', { name: '表单' }).click();
  await page.getByText('平台内置投保信息表单').click();
  await expect(page.getByTestId('form-preview')).toContainText('统一社会信用代码');
  await page.getByRole('link', { name: '基于此版本新建草稿' }).click();
  await page.getByRole('textbox', { name: /^说明/ }).fill('乌鲁木齐：增加项目经理');
  await page.getByRole('button', { name: '保存' }).click();

  // The builder adds the field (the form-builder journey covers choices and conditions).
  await page.getByLabel('添加到分组').click();
  await page.getByRole('option', { name: '联系人' }).click();
  await page.getByRole('toolbar', { name: '字段类型' }).getByRole('button', { name: '单行文本' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('标题').fill('项目经理');
  await dialog.getByLabel('键名').fill('projectManager');
  await dialog.getByLabel('必填').check();
  await dialog.getByLabel('最小长度').fill('2');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('form-validation')).toHaveText('表单结构有效');
  await expect(page.getByTestId('form-preview').getByLabel('项目经理*')).toBeVisible();
  await snapshot(page, 'forms-editor-preview');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/show$/);

  await page.getByRole('button', { name: '发布' }).click();
  await page.getByLabel('发布原因（必填，将记入审计日志）').fill('乌鲁木齐要求填写项目经理');
  await page.getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByText('已发布：之后的投保申请将使用此表单')).toBeVisible();
  await page.getByRole('tab', { name: '对比' }).click();
  await expect(page.getByTestId('form-diff-summary')).toContainText('处不同');
  await snapshot(page, 'forms-published-diff');

  // Another person at another browser: the bidder signs in on a fresh session.
  await page.context().clearCookies();
  await signIn(page, ACCOUNTS.bidder);
  const row = page.locator('tbody tr', { hasText: '乌鲁木齐市2026年市政道路养护服务采购项目' }).filter({ hasText: '包1' });
  await row.getByRole('link', { name: '立即申请' }).click();
  await page.getByRole('button', { name: '确认' }).click();
  await page.getByLabel('我已阅读并同意《投保须知》').check();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByLabel('项目经理', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('此项为必填项').first()).toBeVisible();
  await page.getByLabel('项目经理', { exact: false }).fill('赵工');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('赵工')).toBeVisible();
  await page.getByRole('button', { name: '确认并支付' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('待支付');
  await expect(page.getByLabel('投保信息')).toContainText('项目经理');
  await snapshot(page, 'forms-new-field-order');
});
