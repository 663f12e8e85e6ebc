import { randomInt } from 'node:crypto';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { USCC_ALPHABET, withCheckCharacter } from '../lib/enterprises/uscc';
import { signIn, snapshot } from './sign-in';

/** The demo's platform administrator, who reads the codes in 短信记录 (no SMS service in the e2e server). */
export const PLATFORM_ADMIN = '13900000006';

export interface NewEnterprise {
  enterpriseName: string;
  uscc: string;
  /** The 所属区域 as the picker shows it, e.g. 克拉玛依市. */
  regionName: string;
  personName: string;
  phone: string;
  password: string;
}

/** A valid 统一社会信用代码 no enterprise has (a company code of 克拉玛依 with a random body). */
export function freshUscc(): string {
  return withCheckCharacter(`91650200${Array.from({ length: 9 }, () => USCC_ALPHABET[randomInt(USCC_ALPHABET.length)]).join('')}`);
}

/** A mobile number no account has: 137 and eight digits of the clock and chance. */
export function freshPhone(): string {
  return `137${String((Date.now() * 97 + randomInt(1000)) % 100_000_000).padStart(8, '0')}`;
}

/**
 * The latest code sent to `phone`, read as the platform administrator reads it: signed in in a browser of
 * its own, on 短信记录 in the back office, searched by the number.
 */
export async function readSmsCode(browser: Browser, phone: string, screenshot?: string): Promise<string> {
  const context = await browser.newContext();
  try {
    const admin = await context.newPage();
    await signIn(admin, PLATFORM_ADMIN);
    await admin.goto('/admin#/sms-messages');
    await admin.getByPlaceholder('手机号').fill(phone);
    const row = admin.locator('tbody tr', { hasText: phone }).first();
    await expect(row).toContainText(/验证码 \d{6}/);
    if (screenshot) await snapshot(admin, screenshot);
    return (await row.textContent())!.match(/验证码 (\d{6})/)![1]!;
  } finally {
    await context.close();
  }
}

/** Asks for a code (获取验证码) on the open form and reads it from 短信记录. */
export async function getCode(page: Page, browser: Browser, phone: string, screenshot?: string): Promise<string> {
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByRole('button', { name: /秒后重新获取/ })).toBeVisible();
  return readSmsCode(browser, phone, screenshot);
}

/** Fills the fields of the person (and, unless the USCC is on the platform already, of the enterprise). */
async function fillRegistration(page: Page, e: NewEnterprise, joining: boolean) {
  await page.getByLabel('统一社会信用代码').fill(e.uscc);
  if (!joining) {
    await page.getByLabel('企业名称').fill(e.enterpriseName);
    await page.getByLabel('法定代表人').fill('王德发');
    await page.getByLabel('联系人').fill(e.personName);
    await page.getByLabel('联系电话').fill(e.phone);
    await page.getByLabel('电子邮箱').fill('tender@example.cn');
    await page.getByLabel('基本户开户银行').fill('中国工商银行克拉玛依分行');
    await page.getByLabel('基本户户名').fill(e.enterpriseName);
    await page.getByLabel('基本户账号').fill('0200 0123 4567 8901 234');
    await page.getByLabel('所属区域').selectOption({ label: e.regionName });
  }
  await page.getByLabel('姓名').fill(e.personName);
  await page.getByLabel('手机号').fill(e.phone);
  await page.getByLabel('密码', { exact: true }).fill(e.password);
  await page.getByLabel('确认密码').fill(e.password);
}

/**
 * 企业注册 on /register in a browser of its own: fills the form, gets the code (read by the platform
 * administrator on 短信记录 in a second browser), submits and waits for 注册成功. Answers the registering
 * browser, on the success page, for the journey to go on (sign in, wait for review, apply).
 * `screenshots` names the screenshots taken on the way (registration-form, …-sms-log, …-success).
 */
export async function registerEnterprise(
  browser: Browser,
  enterprise: NewEnterprise,
  { screenshots }: { screenshots?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/register');
  await expect(page.getByRole('heading', { name: '企业注册' })).toBeVisible();
  await fillRegistration(page, enterprise, false);
  const code = await getCode(page, browser, enterprise.phone, screenshots && `${screenshots}-sms-log`);
  await page.getByLabel('短信验证码').fill(code);
  if (screenshots) await snapshot(page, `${screenshots}-form`);
  await page.getByRole('button', { name: '提交注册' }).click();
  await expect(page.getByRole('status', { name: '注册结果' })).toContainText('注册成功，企业认证审核通过后即可申请保函；现在即可登录浏览标段');
  if (screenshots) await snapshot(page, `${screenshots}-success`);
  return { context, page };
}

/**
 * The same form for an enterprise already on the platform: the page says the registration is a request
 * to join it, the enterprise's fields are not asked for. Answers the browser on the result.
 */
export async function requestToJoin(browser: Browser, person: Pick<NewEnterprise, 'uscc' | 'personName' | 'phone' | 'password' | 'enterpriseName'>, screenshot?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/register');
  await page.getByLabel('统一社会信用代码').fill(person.uscc);
  await expect(page.getByTestId('join-notice')).toContainText(`「${person.enterpriseName}」已在平台注册`);
  await expect(page.getByLabel('企业名称')).toHaveCount(0);
  await fillRegistration(page, { ...person, regionName: '' }, true);
  await page.getByLabel('短信验证码').fill(await getCode(page, browser, person.phone));
  if (screenshot) await snapshot(page, `${screenshot}-form`);
  await page.getByRole('button', { name: '提交加入申请' }).click();
  await expect(page.getByRole('status', { name: '注册结果' })).toContainText(`您申请加入「${person.enterpriseName}」，需等待该企业管理员（企业首位注册用户）审批`);
  if (screenshot) await snapshot(page, `${screenshot}-done`);
  return { context, page };
}
