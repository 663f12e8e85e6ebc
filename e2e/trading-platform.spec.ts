import { createHmac, randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { FAKE_PLATFORM_PAGE_TITLE, startFakeCallbackEndpoint } from '../lib/outbox/testing/fake-callback-endpoint';
import { withCheckCharacter } from '../lib/enterprises/uscc';
import { notifyTransfer } from './bank';
import { applyFor } from './journeys';
import { signIn, snapshot } from './sign-in';

const PLATFORM_ADMIN = '13900000006';
const SECRET = 'e2e-trading-platform-secret-0123456789abcdef';
const DAY = 24 * 60 * 60 * 1000;

/** A signed call of the fake trading platform (docs/trading-platform-interface.md). */
async function signedPut(request: APIRequestContext, code: string, path: string, body: unknown, secret = SECRET) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = createHmac('sha256', secret).update(`${timestamp}.${nonce}.${raw}`).digest('hex');
  return request.put(`/api/platform/v1${path}`, {
    headers: { 'content-type': 'application/json', 'x-platform-code': code, 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': signature },
    data: raw,
  });
}

function ssoToken(payload: Record<string, unknown>): string {
  const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${encoded}.${createHmac('sha256', SECRET).update(encoded).digest('hex')}`;
}

const onePushedSection = (projectName: string) => ({
  name: projectName, type: 'construction', regionCode: '650100', tenderer: '乌鲁木齐市城建局', revision: 1,
  sections: [{ code: 'S1', name: '推送一标段', depositFen: 6_000_000, depositDeadline: new Date(Date.now() + 9 * DAY).toISOString(), bidOpeningAt: new Date(Date.now() + 10 * DAY).toISOString() }],
});

/** The platform administrator registers a trading platform through the back office's API (the clicks have a test of their own). */
async function registerByApi(admin: Page, baseURL: string, data: { code: string; name: string; callback_base_url: string; return_url: string }) {
  await signIn(admin, PLATFORM_ADMIN);
  const registered = await admin.request.post('/api/admin/trading-platforms', { headers: { origin: baseURL }, data: { ...data, region_ids: ['650100'], secret: SECRET } });
  expect(registered.status()).toBe(201);
  expect(JSON.stringify(await registered.json())).not.toContain(SECRET);
}

/** A bidder new to the guarantee platform arrives by 【电子保函登录】 and completes its basic account. */
async function arriveBySso(page: Page, code: string, run: string) {
  const enterpriseName = `新疆交易平台对接测试有限公司${run}`;
  const uscc = withCheckCharacter(`9165010${String(Date.now()).slice(-10)}`.replace(/[IOZSV]/g, '1'));
  const phone = `139${String(Date.now()).slice(-8)}`;
  const token = ssoToken({ uscc, enterpriseName, userName: '平台投标人', phone, nonce: randomBytes(16).toString('hex'), exp: Math.floor(Date.now() / 1000) + 120 });
  await page.goto(`/sso/${code}?token=${token}`);
  await expect(page.getByRole('heading', { name: '完善企业信息' })).toBeVisible();
  await page.getByLabel('法定代表人').fill('王五');
  await page.getByLabel('电子邮箱').fill(`bidder-${run}@example.cn`);
  await page.getByLabel('基本户开户银行').fill('中国银行乌鲁木齐分行');
  await page.getByLabel('基本户账户名称').fill(enterpriseName);
  await page.getByLabel('基本户账号').fill('6217001234567890');
  await page.getByRole('button', { name: '保存企业信息' }).click();
  await expect(page.getByRole('heading', { name: '我的投标保函' })).toBeVisible();
  return { enterpriseName, uscc, token };
}

test('the platform administrator registers a trading platform in /admin by clicking; its secret is never shown again, is replaced with a reason, and a disabled platform is refused', async ({ page, request }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const code = `e2e-admin-${run}`;
  const name = `新疆公共资源交易网（后台登记）${run}`;
  await signIn(page, PLATFORM_ADMIN);
  await page.getByRole('menuitem', { name: '交易平台' }).click();
  await expect(page).toHaveURL(/#\/trading-platforms/);
  await expect(page.getByRole('link', { name: '新建' }).first()).toBeVisible();
  await expect(page.locator('.MuiCircularProgress-root, [role="progressbar"]')).toHaveCount(0);
  await snapshot(page, 'trading-platforms-list');

  await page.getByRole('link', { name: '新建' }).first().click();
  await page.getByRole('textbox', { name: /^平台编码/ }).fill(code);
  await page.getByLabel(/^共享密钥/).fill('too-short');
  await page.getByRole('textbox', { name: /^平台名称/ }).fill(name);
  await page.getByRole('combobox', { name: /^区域/ }).click();
  await page.getByRole('option', { name: '乌鲁木齐市（650100）' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: /^回调地址/ }).fill('http://127.0.0.1:9/');
  await page.getByRole('textbox', { name: /^返回交易平台地址/ }).fill('https://ggzy.example.cn/deposit');
  await page.getByRole('button', { name: '保存' }).click();
  // The server's message beside the field, and nothing saved.
  await expect(page.getByText('共享密钥至少 32 个字符', { exact: true })).toBeVisible();
  await snapshot(page, 'trading-platform-create-error');
  // 生成随机密钥 fills the field and shows the secret this once, to be handed to the platform.
  await page.getByRole('button', { name: '生成随机密钥' }).click();
  const secret = (await page.getByTestId('generated-secret').innerText()).trim();
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByLabel(/^共享密钥/)).toHaveValue(secret);
  await snapshot(page, 'trading-platform-secret-generated');
  await page.getByRole('button', { name: '保存' }).click();
  const row = page.locator('tr', { hasText: code });
  await expect(row).toContainText(name);
  await expect(row).toContainText('乌鲁木齐市（650100）');
  await expect(row).toContainText('HMAC-SHA256');
  await expect(row).toContainText('启用');
  await expect(page.locator('body')).not.toContainText(secret);
  await snapshot(page, 'trading-platform-registered');

  // The platform's signed request is accepted.
  const first = await signedPut(request, code, `/projects/E2E-ADM-${run}`, onePushedSection(`后台登记平台推送项目 ${run}`), secret);
  expect(first.status()).toBe(200);

  // The edit page shows no secret; the API's answer holds none.
  await row.click();
  await expect(page.getByRole('textbox', { name: /^平台名称/ })).toHaveValue(name);
  await expect(page.getByLabel(/^共享密钥/)).toHaveValue('');
  const id = /#\/trading-platforms\/([^/?]+)/.exec(page.url())![1]!;
  const answer = await page.request.get(`/api/admin/trading-platforms/${id}`);
  expect(answer.status()).toBe(200);
  const answerText = await answer.text();
  expect(answerText).toContain(code);
  expect(answerText).not.toContain(secret);
  expect(answerText).not.toContain('"secret"');
  expect(await page.content()).not.toContain(secret);
  await snapshot(page, 'trading-platform-edit');

  // A new secret needs a reason; with one it replaces the old.
  const NEW_SECRET = `${secret}-rotated`;
  await page.getByLabel(/^共享密钥/).fill(NEW_SECRET);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('更换共享密钥必须填写原因').first()).toBeVisible();
  await snapshot(page, 'trading-platform-secret-reason');
  await page.getByRole('textbox', { name: /^原因/ }).fill('旧密钥已交接给新的运维人员');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('tr', { hasText: code })).toBeVisible();
  const old = await signedPut(request, code, `/projects/E2E-ADM-${run}`, onePushedSection(`后台登记平台推送项目 ${run}`), secret);
  expect(old.status()).toBe(401);
  expect(await old.json()).toMatchObject({ code: 'BAD_SIGNATURE' });
  const rotated = await signedPut(request, code, `/projects/E2E-ADM-${run}`, onePushedSection(`后台登记平台推送项目 ${run}`), NEW_SECRET);
  expect(rotated.status()).toBe(200);

  // Disabled, its correctly signed request is refused as the interface says (401 BAD_SIGNATURE).
  await page.locator('tr', { hasText: code }).click();
  await page.getByRole('switch', { name: '启用' }).uncheck();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('tr', { hasText: code })).toContainText('停用');
  await snapshot(page, 'trading-platform-disabled');
  const refused = await signedPut(request, code, `/projects/E2E-ADM-${run}`, { ...onePushedSection(`后台登记平台推送项目 ${run}`), revision: 2 }, NEW_SECRET);
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ code: 'BAD_SIGNATURE' });

  // The accepted pushes are in the audit chain, by the platform; the refused ones are not.
  await page.goto('/admin#/audit-events');
  const pushes = page.locator('tr', { hasText: `${name}（${code}）` });
  await expect(pushes.filter({ hasText: '交易平台推送新建项目' })).toHaveCount(1);
  await expect(pushes.filter({ hasText: '交易平台推送项目修订' })).toHaveCount(0);
  await snapshot(page, 'trading-platform-audit');
});

test('a bidder from the trading platform gives up an order (asked first) and 返回交易平台 takes the browser to the platform; an order on a hand-made project offers none', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const platformSite = await startFakeCallbackEndpoint(SECRET);
  try {
    const run = Date.now().toString(36);
    const code = `e2e-back-${run}`;
    const admin = await browser.newPage();
    const returnUrl = `${platformSite.url}/bidder/deposit?from=guarantee`;
    await registerByApi(admin, baseURL!, { code, name: `昌吉州公共资源交易网 ${run}`, callback_base_url: platformSite.url, return_url: returnUrl });
    await admin.close();
    const projectName = `返回交易平台测试项目 ${run}`;
    const pushed = await signedPut(page.request, code, `/projects/E2E-BACK-${run}`, onePushedSection(projectName));
    expect(pushed.status()).toBe(200);

    await arriveBySso(page, code, run);
    // An order on a project an operator made: given up, it lands on 订单管理 and offers no way back.
    const handMade = await applyFor(page, '乌鲁木齐市第十二中学教学楼改扩建工程', '施工一标段');
    await page.getByRole('button', { name: '放弃购买保函' }).click();
    await page.getByRole('alertdialog', { name: '确认放弃购买保函' }).getByRole('button', { name: '确认放弃' }).click();
    await page.waitForURL(/\/orders\?abandoned=1/);
    await page.goto(handMade.orderUrl);
    await expect(page.getByTestId('order-status')).toHaveText('已放弃');
    await expect(page.getByRole('link', { name: '返回交易平台' })).toHaveCount(0);

    // An order on the platform's section: asked first; 取消 keeps it.
    const order = await applyFor(page, projectName, '推送一标段');
    await expect(page.getByRole('link', { name: '返回交易平台' })).toHaveCount(0);
    await page.getByRole('button', { name: '放弃购买保函' }).click();
    const confirm = page.getByRole('alertdialog', { name: '确认放弃购买保函' });
    await expect(confirm).toContainText('放弃后本订单不可恢复');
    await snapshot(page, 'trading-platform-abandon-confirm');
    await confirm.getByRole('button', { name: '取消' }).click();
    await expect(page.getByTestId('order-status')).toHaveText('待支付');
    await page.getByRole('button', { name: '放弃购买保函' }).click();
    await confirm.getByRole('button', { name: '确认放弃' }).click();
    await expect(page.getByTestId('order-status')).toHaveText('已放弃');
    // The page stays (its URL too): no more 请按下方信息转账支付保费.
    await expect(page.getByText('投保申请已提交')).toHaveCount(0);
    const back = page.getByRole('link', { name: '返回交易平台' });
    await expect(back).toHaveAttribute('href', returnUrl);
    await expect(page.getByRole('region', { name: '返回交易平台' })).toContainText(`昌吉州公共资源交易网 ${run}`);
    await snapshot(page, 'trading-platform-return');
    await back.click();
    await page.waitForURL(returnUrl);
    await expect(page.getByRole('heading', { name: FAKE_PLATFORM_PAGE_TITLE })).toBeVisible();

    // The platform was told.
    await expect(async () => {
      expect(platformSite.received.some((r) => r.signatureValid && r.body.includes('"type":"abandoned"') && r.body.includes(order.orderNumber))).toBe(true);
    }).toPass({ timeout: 30_000 });
  } finally {
    await platformSite.close();
  }
});

test('a bidder arrives by SSO from the trading platform, completes its basic account, applies and pays; the platform holds the issued callback and 邮件 shows the policy', async ({ page, browser, request, baseURL }) => {
  test.setTimeout(240_000);
  const callbacks = await startFakeCallbackEndpoint(SECRET);
  try {
    const run = Date.now().toString(36);
    const code = `e2e-xj-${run}`;
    // The platform administrator registers the trading platform.
    const admin = await browser.newPage();
    await registerByApi(admin, baseURL!, { code, name: `新疆公共资源交易网 ${run}`, callback_base_url: callbacks.url, return_url: 'https://ggzy.example.cn/deposit' });

    // It pushes a project with one section.
    const projectName = `交易平台推送项目 ${run}`;
    const pushed = await signedPut(request, code, `/projects/E2E-${run}`, onePushedSection(projectName));
    expect(pushed.status()).toBe(200);
    expect(await pushed.json()).toMatchObject({ code: 'OK' });

    // A bidder new to the guarantee platform arrives by 【电子保函登录】.
    const { enterpriseName, uscc, token } = await arriveBySso(page, code, run);

    // The same token again signs no one in.
    const again = await browser.newPage();
    await again.goto(`/sso/${code}?token=${token}`);
    await expect(again.getByRole('alert')).toContainText('登录凭证已使用过');
    await again.close();

    const order = await applyFor(page, projectName, '推送一标段');
    const paid = await notifyTransfer(request, {
      transactionId: `E2E-XJ-${order.orderNumber}`, amountFen: order.premiumFen, payerName: enterpriseName,
      payerAccount: '6217001234567890', payerKind: 'enterprise', remark: order.remark,
    });
    expect(paid).toMatchObject({ status: 200, body: { status: 'matched' } });
    await page.goto(order.orderUrl);
    await expect(page.getByTestId('order-status')).toHaveText('投保成功');
    const policyNumber = (await page.getByTestId('policy-number').textContent())!.trim();
    await snapshot(page, 'trading-platform-order');

    // The outbox worker posts the signed `issued` callback to the platform.
    await expect(async () => {
      const issued = callbacks.received.find((r) => r.body.includes('"type":"issued"') && r.body.includes(order.orderNumber));
      expect(issued?.signatureValid).toBe(true);
      expect(JSON.parse(issued!.body)).toMatchObject({ type: 'issued', orderNumber: order.orderNumber, policyNumber, sectionCode: 'S1', uscc, amountFen: 6_000_000 });
    }).toPass({ timeout: 30_000 });

    // The policy e-mail is in the local mailbox.
    await admin.goto('/admin#/mailbox');
    const row = admin.locator('tr', { hasText: `保单号 ${policyNumber}` });
    await expect(async () => {
      await admin.getByRole('button', { name: '刷新' }).click();
      await expect(row).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(row).toContainText(`bidder-${run}@example.cn`);
  } finally {
    await callbacks.close();
  }
});
