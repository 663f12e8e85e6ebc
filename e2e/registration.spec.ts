import { expect, test } from '@playwright/test';
import { freshPhone, freshUscc, getCode, registerEnterprise, requestToJoin, type NewEnterprise } from './registration';
import { expectSignedInAsBidder, signIn, snapshot, submitLogin } from './sign-in';

test.describe.configure({ mode: 'serial' });

const enterprise: NewEnterprise = {
  enterpriseName: '克拉玛依准噶尔工程建设有限公司',
  uscc: freshUscc(),
  regionName: '克拉玛依市',
  personName: '努尔兰',
  phone: freshPhone(),
  password: 'Junggar-2026',
};

test('the sign-in page leads to 企业注册 and 忘记密码', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: '没有账号？企业注册' }).click();
  await expect(page).toHaveURL(/\/register$/);
  await page.goto('/login');
  await page.getByRole('link', { name: '忘记密码' }).click();
  await expect(page.getByRole('heading', { name: '忘记密码' })).toBeVisible();
});

test('the form says what is wrong beside each field, as the server would', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('统一社会信用代码').fill('91650200MA7ABCDE1B');
  await page.getByLabel('密码', { exact: true }).fill('12345678');
  await page.getByRole('button', { name: '提交注册' }).click();
  await expect(page.locator('#register-uscc-error')).toHaveText('统一社会信用代码校验位不正确，请核对后重新输入');
  await expect(page.locator('#register-password-error')).toHaveText('密码至少 10 位');
  await expect(page.locator('#register-regionId-error')).toHaveText('请选择所属区域');
  await expect(page.locator('#register-code-error')).toHaveText('请填写短信验证码');
  await snapshot(page, 'registration-field-errors');
});

test('a new enterprise registers with the code the platform administrator reads in 短信记录, signs in and reaches the bidder home', async ({ browser }) => {
  const { context, page } = await registerEnterprise(browser, enterprise, { screenshots: 'registration' });
  try {
    await page.getByRole('link', { name: '去登录' }).click();
    await signIn(page, enterprise.phone, enterprise.password);
    await expectSignedInAsBidder(page);
    await expect(page.getByLabel('投保企业')).toContainText(enterprise.enterpriseName);
    await expect(page.getByLabel('投保企业')).toContainText(enterprise.uscc);
    await snapshot(page, 'registration-bidder-home');
  } finally {
    await context.close();
  }
});

test('a second registration for the same USCC asks to join; the first user approves it on 企业成员', async ({ browser, page }) => {
  const joiner = { ...enterprise, personName: '阿依古丽', phone: freshPhone(), password: 'Karamay-oil-1' };
  const { context } = await requestToJoin(browser, joiner, 'registration-join');
  await context.close();

  await signIn(page, enterprise.phone, enterprise.password);
  await page.getByRole('link', { name: '企业成员' }).click();
  const request = page.getByRole('region', { name: '待审批的加入申请' }).locator('tr', { hasText: joiner.phone });
  await request.getByRole('button', { name: '同意加入' }).click();
  await expect(page.getByRole('dialog', { name: '确认同意加入' })).toContainText(`确认同意${joiner.personName}（${joiner.phone}）加入本企业？`);
  await snapshot(page, 'registration-join-confirm');
  await page.getByRole('button', { name: '确认同意' }).click();
  await expect(page.getByRole('region', { name: '成员列表' })).toContainText(joiner.personName);
  await expect(page.getByRole('region', { name: '待审批的加入申请' })).toContainText('暂无待审批的加入申请');
  await snapshot(page, 'registration-members');

  const member = await browser.newContext();
  try {
    const memberPage = await member.newPage();
    await signIn(memberPage, joiner.phone, joiner.password);
    await expectSignedInAsBidder(memberPage);
    await memberPage.getByRole('link', { name: '企业成员' }).click();
    await expect(memberPage.getByRole('region', { name: '待审批的加入申请' })).toHaveCount(0);
    await expect(memberPage.getByRole('region', { name: '成员列表' })).toContainText(enterprise.personName);
  } finally {
    await member.close();
  }
});

test('忘记密码: a code to the number, a new password, and the old one no longer signs in', async ({ browser, page }) => {
  await page.goto('/forgot-password');
  await page.getByLabel('手机号').fill(enterprise.phone);
  const code = await getCode(page, browser, enterprise.phone);
  await expect(page.locator('#reset-code-help')).toHaveText('如果该手机号已在平台注册，验证码已发送至该手机号，10 分钟内有效');
  await page.getByLabel('短信验证码').fill(code);
  await page.getByLabel('新密码', { exact: true }).fill('Junggar-2027');
  await page.getByLabel('确认新密码').fill('Junggar-2027');
  await snapshot(page, 'forgot-password-form');
  await page.getByRole('button', { name: '重设密码' }).click();
  await expect(page.getByRole('status', { name: '重设结果' })).toContainText('密码已重设');
  await submitLogin(page, enterprise.phone, enterprise.password);
  await expect(page.locator('form [role="alert"]')).toHaveText('手机号或密码错误');
  await signIn(page, enterprise.phone, 'Junggar-2027');
  await expectSignedInAsBidder(page);
});
