import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn, snapshot } from './sign-in';

// 四眼原则: one operator of 乌鲁木齐市 drafts and submits, the other approves; the steps build on each other.
test.describe.configure({ mode: 'serial' });

const REVIEWER = '13900000009';
const PLATFORM_ADMIN = '13900000006';
let versionId = '';

test('the platform administrator requires approval for 乌鲁木齐市; operator A submits an invoice-rule change and cannot approve it', async ({ page }) => {
  await signIn(page, PLATFORM_ADMIN);
  const on = await page.request.put('/api/admin/version-approval-settings/650100', { data: { approval_required: true } });
  expect(on.status()).toBe(200);
  await page.goto('/admin#/version-approval-settings');
  await expect(page.getByText('需他人审核').first()).toBeVisible();
  await snapshot(page, 'governance-settings');

  await page.context().clearCookies();
  await signIn(page, ACCOUNTS.operator);
  const created = await page.request.post('/api/admin/rule-versions', { data: { rule_set_key: 'invoice-type', region_id: '650100', note: '四眼原则演示' } });
  expect(created.status()).toBe(201);
  versionId = (await created.json()).id;
  await page.goto(`/admin#/rule-versions/${versionId}/show`);
  await expect(page.getByRole('tab', { name: '规则' })).toBeVisible();
  // Approval is required here: the author may only submit.
  await expect(page.getByRole('button', { name: '发布', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.getByLabel('变更原因（必填，将记入审计日志）').fill('乌鲁木齐试行数电票');
  await snapshot(page, 'governance-submit');
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText('已提交审核，等待他人审核')).toBeVisible();
  await expect(page.getByText('待审核').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '审核通过' })).toHaveCount(0);
  const self = await page.request.post(`/api/admin/rule-versions/${versionId}/approve`, { data: { comment: '我自己批准' } });
  expect(self.status()).toBe(403);
  expect((await self.json()).code).toBe('SELF_APPROVAL');
});

test('operator B approves with a comment; the version is published and its review history shown', async ({ page }) => {
  await signIn(page, REVIEWER);
  await page.goto(`/admin#/rule-versions/${versionId}/show`);
  await page.getByRole('button', { name: '审核通过' }).click();
  await page.getByLabel('审核意见（必填，将记入审计日志）').fill('已核对测试用例');
  await snapshot(page, 'governance-approve');
  await page.getByRole('button', { name: '确认通过并发布' }).click();
  await expect(page.getByText('已审核通过并发布')).toBeVisible();
  await expect(page.getByText('已发布', { exact: true }).first()).toBeVisible();
  await page.getByRole('tab', { name: '审核记录' }).click();
  await expect(page.getByTestId('review-history')).toContainText('提交审核');
  await expect(page.getByTestId('review-history')).toContainText('已核对测试用例');
  await snapshot(page, 'governance-history');
});

test('compliance sees what was in force in 乌鲁木齐市 in 规则快照, and the administrator switches approval back off with a reason', async ({ page }) => {
  await signIn(page, ACCOUNTS.compliance);
  await page.goto('/admin#/rule-snapshots?filter=%7B%22region_id%22%3A%22650100%22%7D');
  await expect(page.getByText('规则：发票规则')).toBeVisible();
  await expect(page.getByText('区域版本').first()).toBeVisible();
  await snapshot(page, 'governance-snapshot');

  await page.context().clearCookies();
  await signIn(page, PLATFORM_ADMIN);
  const refused = await page.request.put('/api/admin/version-approval-settings/650100', { data: { approval_required: false } });
  expect(refused.status()).toBe(422);
  const off = await page.request.put('/api/admin/version-approval-settings/650100', { data: { approval_required: false, reason: '演示结束，恢复单人发布' } });
  expect(off.status()).toBe(200);
});
