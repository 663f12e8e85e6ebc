import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, signIn, snapshot } from './sign-in';

test.describe.configure({ mode: 'serial' });

/** The labels of the generated form, in the order the bidder sees them. */
const labelsIn = (page: Page, scope: string) =>
  page.locator(`${scope} label`).evaluateAll((labels) => labels.map((l) => (l.textContent ?? '').replace(/\*$/, '').trim()).filter(Boolean));

test('an operator builds a choice field with a conditional note without typing JSON; the next bidder fills it', async ({ page }) => {
  // The whole builder and then a bidder's application: it ran past 60 s on a loaded machine.
  test.setTimeout(120_000);
  await signIn(page, ACCOUNTS.operator);
  await page.getByRole('menuitem', { name: '表单' }).click();
  await page.getByText('平台内置投保信息表单').click();
  await page.getByRole('link', { name: '基于此版本新建草稿' }).click();
  await page.getByRole('textbox', { name: /^说明/ }).fill('乌鲁木齐：增加企业类型');
  await page.getByRole('button', { name: '保存' }).click();

  // 可视化编辑 is the default view of the draft.
  const builder = page.getByTestId('form-builder');
  await expect(builder).toBeVisible();
  await expect(page.getByRole('tab', { name: '可视化编辑' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('builder-section-applicant')).toContainText('统一社会信用代码');

  // 下拉选择 企业类型 with three labelled options, added to 投保企业.
  await page.getByRole('toolbar', { name: '字段类型' }).getByRole('button', { name: '下拉选择' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('标题').fill('企业类型');
  await dialog.getByLabel('键名').fill('enterpriseType');
  const options: [string, string][] = [['国有企业', 'state'], ['民营企业', 'private'], ['其他', 'other']];
  await dialog.getByRole('button', { name: '添加选项' }).click();
  for (const [i, [label, value]] of options.entries()) {
    await dialog.getByLabel(`选项 ${i + 1} 中文名称`).fill(label);
    await dialog.getByLabel(`选项 ${i + 1} 值`).fill(value);
  }
  await snapshot(page, 'form-builder-choice-settings');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toHaveCount(0);

  // 其他说明, shown only when 企业类型 is 其他, required then.
  await page.getByRole('toolbar', { name: '字段类型' }).getByRole('button', { name: '单行文本' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('标题').fill('其他说明');
  await dialog.getByLabel('键名').fill('otherNote');
  await dialog.getByLabel('必填').check();
  await dialog.getByLabel('仅当此字段有值时显示').click();
  await page.getByRole('option', { name: '企业类型' }).click();
  await dialog.getByLabel('等于').click();
  await page.getByRole('option', { name: '其他' }).click();
  await snapshot(page, 'form-builder-condition-settings');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('builder-field-applicant-otherNote')).toContainText('仅当「企业类型」为「其他」时显示');

  // Up to the top of the section, the note right after it; then 企业类型 becomes required.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '上移 企业类型' }).click();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '上移 其他说明' }).click();
  await page.getByRole('button', { name: '设置 企业类型' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('必填').check();
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('builder-field-applicant-enterpriseType')).toContainText('必填');
  await expect(page.getByTestId('form-validation')).toHaveText('表单结构有效');

  // The live preview: the field first in its section, the note appears only for 其他.
  const preview = page.getByTestId('form-preview');
  const field = preview.getByLabel('企业类型');
  await expect(field).toBeVisible();
  expect((await labelsIn(page, '[data-testid="form-preview"]')).slice(0, 2)).toEqual(['企业类型', '企业名称']);
  await expect(preview.getByLabel('其他说明')).toHaveCount(0);
  await field.selectOption({ label: '其他' });
  await expect(preview.getByLabel('其他说明')).toBeVisible();
  await preview.getByRole('button', { name: '校验预览' }).click();
  await expect(preview.getByText('此项为必填项').first()).toBeVisible();
  await snapshot(page, 'form-builder-preview');

  // The JSON view holds what the builder wrote: labels in the schema itself.
  await page.getByRole('tab', { name: 'JSON' }).click();
  await expect(page.getByTestId('form-schema-json')).toContainText('"enterpriseType"');
  await snapshot(page, 'form-builder-json');
  await page.getByRole('tab', { name: '可视化编辑' }).click();

  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/show$/);
  await page.getByRole('button', { name: '发布' }).click();
  await page.getByLabel('发布原因（必填，将记入审计日志）').fill('乌鲁木齐要求填写企业类型');
  await snapshot(page, 'form-builder-publish');
  await page.getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByText('已发布：之后的投保申请将使用此表单')).toBeVisible();

  // A bidder applying next, at another browser.
  await page.context().clearCookies();
  await signIn(page, ACCOUNTS.otherBidder);
  const row = page.locator('tbody tr', { hasText: '乌鲁木齐市第十二中学教学楼改扩建工程' }).filter({ hasText: '施工一标段' });
  await row.getByRole('link', { name: '立即申请' }).click();
  await page.getByRole('button', { name: '确认' }).click();
  await page.getByLabel('我已阅读并同意《投保须知》').check();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  expect((await labelsIn(page, '[data-ready="true"]')).slice(0, 2)).toEqual(['企业类型', '企业名称']);
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('此项为必填项').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '请核对投保信息' })).toHaveCount(0);
  await page.getByLabel('企业类型').selectOption({ label: '其他' });
  await page.getByLabel('其他说明').fill('合伙企业');
  await snapshot(page, 'form-builder-bidder-form');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('heading', { name: '请核对投保信息' })).toBeVisible();
  const summary = page.locator('dl.summary').last();
  await expect(summary.locator('dt').first()).toHaveText('企业类型');
  await expect(summary.locator('dd').first()).toHaveText('其他');
  await page.getByRole('button', { name: '确认并支付' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('待支付');
  await expect(page.getByLabel('投保信息')).toContainText('企业类型');
  await expect(page.getByLabel('投保信息')).toContainText('合伙企业');
  await snapshot(page, 'form-builder-order');
});
