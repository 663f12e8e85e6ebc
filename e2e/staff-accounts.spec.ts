import { expect, test, type Page } from '@playwright/test';
import { signIn, snapshot, submitLogin } from './sign-in';
import { searchAdminList } from './support/search-admin-list';

test.describe.configure({ mode: 'serial' });

const PLATFORM_ADMIN = '13900000006';
// A phone no other journey uses, new on every run.
const PHONE = `188${String(Date.now()).slice(-8)}`;
const NAME = '孙磊（克拉玛依市）';
const CHOSEN_PASSWORD = 'Karamay-2026-ok';

/** Signs out through the back office's user menu. */
async function signOutOfAdmin(page: Page) {
  await page.getByRole('button', { name: '个人资料' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL(/\/login/);
}

test('a platform administrator creates an operator of 克拉玛依市, who must change the password and then sees only 克拉玛依市', async ({ page }) => {
  // Three sign-ins, a password change and two back-office sessions: one journey, longer than most.
  test.setTimeout(180_000);
  await signIn(page, PLATFORM_ADMIN);
  await expect(page).toHaveURL(/\/admin/);
  await page.getByRole('menuitem', { name: '用户' }).click();
  await expect(page.getByText('马丽（克拉玛依市）')).toBeVisible();
  await expect(page.getByText('周敏（合规）')).toBeVisible();
  await snapshot(page, 'staff-users-admin');

  await page.getByRole('link', { name: '新建' }).click();
  await page.getByRole('textbox', { name: /^姓名/ }).fill(NAME);
  await page.getByRole('textbox', { name: /^手机号/ }).fill('1880000');
  await page.getByRole('combobox', { name: /^区域/ }).click();
  await page.getByRole('option', { name: '克拉玛依市（650200）' }).click();
  await page.getByRole('button', { name: '保存' }).click();
  // The server's message beside the field.
  await expect(page.getByText('手机号应为 11 位手机号码（以 1 开头）', { exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: /^手机号/ }).fill(PHONE);
  await page.getByRole('button', { name: '保存' }).click();

  const dialog = page.getByRole('dialog', { name: '用户已创建' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`请将以下临时密码告知 ${NAME}（${PHONE}）`);
  const temporaryPassword = (await dialog.getByTestId('temporary-password').innerText()).trim();
  expect(temporaryPassword).toMatch(/^[A-Za-z\d]{14}$/);
  await snapshot(page, 'staff-temporary-password');
  await dialog.getByRole('button', { name: '我已记下' }).click();
  await expect(page).toHaveURL(/#\/users\/[^/]+\/show$/);
  await expect(page.getByText('待修改密码')).toBeVisible();
  await expect(page.getByText('从未登录')).toBeVisible();
  await snapshot(page, 'staff-user-created');
  await signOutOfAdmin(page);

  // The new operator signs in with the temporary password and can do nothing but change it.
  await submitLogin(page, PHONE, temporaryPassword);
  await page.waitForURL(/\/account\/password$/);
  await expect(page.getByRole('heading', { name: '修改密码' })).toBeVisible();
  await expect(page.getByText('您的密码由管理员设置')).toBeVisible();
  await snapshot(page, 'staff-must-change-password');
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/account\/password$/);
  const refused = await page.request.get('/api/admin/projects');
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });

  await page.getByLabel('当前密码').fill(temporaryPassword);
  await page.getByLabel('新密码', { exact: true }).fill('short1');
  await page.getByLabel('确认新密码').fill('short1');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.locator('.alert--error')).toHaveText('密码至少 10 位');
  await snapshot(page, 'staff-change-password-weak');
  await page.getByLabel('新密码', { exact: true }).fill(CHOSEN_PASSWORD);
  await page.getByLabel('确认新密码').fill(CHOSEN_PASSWORD);
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.waitForURL(/\/login\?changed=1/);
  await expect(page.getByText('密码已修改，请使用新密码登录')).toBeVisible();
  await snapshot(page, 'staff-password-changed');

  // The temporary password is gone; the chosen one opens the back office of 克拉玛依市 only.
  await submitLogin(page, PHONE, temporaryPassword);
  await expect(page.locator('.alert--error')).toHaveText('手机号或密码错误');
  await signIn(page, PHONE, CHOSEN_PASSWORD);
  await expect(page).toHaveURL(/\/admin/);
  await page.getByRole('menuitem', { name: '项目' }).click();
  await expect(page.getByText('克拉玛依市独山子区供热管网改造工程')).toBeVisible();
  await expect(page.getByRole('cell', { name: '克拉玛依市', exact: true }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: '乌鲁木齐市', exact: true })).toHaveCount(0);
  await expect(page.getByText('乌鲁木齐市第十二中学教学楼改扩建工程')).toHaveCount(0);
  await snapshot(page, 'staff-new-operator-projects');
  const projects = (await (await page.request.get('/api/admin/projects?range=[0,99]')).json()) as { region_id: string }[];
  expect(projects.length).toBeGreaterThan(0);
  expect(new Set(projects.map((p) => p.region_id))).toEqual(new Set(['650200']));

  // Its region's operators, read-only.
  await page.getByRole('menuitem', { name: '用户' }).click();
  await expect(page.getByText('马丽（克拉玛依市）')).toBeVisible();
  await expect(page.getByText('张伟（乌鲁木齐市）')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '新建' })).toHaveCount(0);
  await snapshot(page, 'staff-new-operator-users');
});

test('the platform administrator resets the new operator\'s password after confirming, and the operator must change it again', async ({ page }) => {
  await signIn(page, PLATFORM_ADMIN);
  await page.getByRole('menuitem', { name: '用户' }).click();
  await searchAdminList(page, '搜索姓名、手机号', PHONE);
  const row = page.getByRole('row', { name: new RegExp(PHONE) });
  await expect(row).toHaveCount(1);
  await expect(row).not.toContainText('待修改密码');
  await row.click();
  await page.getByRole('button', { name: '重置密码' }).click();
  await expect(page.getByRole('dialog')).toContainText('重置后原密码立即失效');
  await page.getByRole('button', { name: '确认重置' }).click();
  const dialog = page.getByRole('dialog', { name: '密码已重置' });
  const temporaryPassword = (await dialog.getByTestId('temporary-password').innerText()).trim();
  await dialog.getByRole('button', { name: '我已记下' }).click();
  await expect(page.getByText('待修改密码')).toBeVisible();

  await page.getByRole('button', { name: '停用' }).click();
  await expect(page.getByRole('dialog')).toContainText('其所有已登录的会话立即失效');
  await page.getByRole('button', { name: '取消' }).click();
  await snapshot(page, 'staff-user-reset');

  // 区域: the regions in use, each deactivated only after a confirmation.
  await page.getByRole('menuitem', { name: '区域' }).click();
  await expect(page.getByRole('row', { name: /650200\s*克拉玛依市/ })).toContainText('启用');
  await snapshot(page, 'regions-admin');
  await page.getByRole('row', { name: /650200\s*克拉玛依市/ }).click();
  await expect(page.getByRole('combobox', { name: '上级区域' })).toBeVisible();
  // Regions are deactivated, never deleted.
  await expect(page.getByRole('button', { name: '删除' })).toHaveCount(0);
  await page.getByRole('button', { name: '停用' }).click();
  await expect(page.getByRole('dialog')).toContainText('停用后不能再把该区域分配给新用户');
  await snapshot(page, 'region-deactivate-confirm');
  await page.getByRole('button', { name: '取消' }).click();
  await signOutOfAdmin(page);

  await submitLogin(page, PHONE, CHOSEN_PASSWORD);
  await expect(page.locator('.alert--error')).toHaveText('手机号或密码错误');
  await submitLogin(page, PHONE, temporaryPassword);
  await page.waitForURL(/\/account\/password$/);
});

test('a bidder finds 修改密码 in its header', async ({ page }) => {
  await signIn(page, '13900000004');
  await page.getByRole('link', { name: '修改密码' }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByText('您的密码由管理员设置')).toHaveCount(0);
  await page.getByLabel('当前密码').fill('wrong-password');
  await page.getByLabel('新密码', { exact: true }).fill('Another-pass-1');
  await page.getByLabel('确认新密码').fill('Another-pass-1');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.locator('.alert--error')).toHaveText('当前密码不正确');
  await snapshot(page, 'bidder-change-password');
  await page.getByRole('link', { name: '返回' }).click();
  await expect(page.getByRole('heading', { name: '我的投标保函' })).toBeVisible();
});
