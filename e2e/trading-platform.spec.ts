import { createHmac, randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { startFakeCallbackEndpoint } from '../lib/outbox/testing/fake-callback-endpoint';
import { withCheckCharacter } from '../lib/enterprises/uscc';
import { notifyTransfer } from './bank';
import { applyFor } from './journeys';
import { signIn, snapshot } from './sign-in';

const PLATFORM_ADMIN = '13900000006';
const SECRET = 'e2e-trading-platform-secret-0123456789abcdef';
const DAY = 24 * 60 * 60 * 1000;

/** A signed call of the fake trading platform (docs/trading-platform-interface.md). */
async function signedPut(request: APIRequestContext, code: string, path: string, body: unknown) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = createHmac('sha256', SECRET).update(`${timestamp}.${nonce}.${raw}`).digest('hex');
  return request.put(`/api/platform/v1${path}`, {
    headers: { 'content-type': 'application/json', 'x-platform-code': code, 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': signature },
    data: raw,
  });
}

function ssoToken(payload: Record<string, unknown>): string {
  const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${encoded}.${createHmac('sha256', SECRET).update(encoded).digest('hex')}`;
}

test('a bidder arrives by SSO from the trading platform, completes its basic account, applies and pays; the platform holds the issued callback and 邮件 shows the policy', async ({ page, browser, request, baseURL }) => {
  test.setTimeout(240_000);
  const callbacks = await startFakeCallbackEndpoint(SECRET);
  try {
    const run = Date.now().toString(36);
    const code = `e2e-xj-${run}`;
    // The platform administrator registers the trading platform.
    const admin = await browser.newPage();
    await signIn(admin, PLATFORM_ADMIN);
    const registered = await admin.request.post('/api/admin/trading-platforms', {
      headers: { origin: baseURL! },
      data: { code, name: `新疆公共资源交易网 ${run}`, region_ids: ['650100'], secret: SECRET, callback_base_url: callbacks.url, return_url: 'https://ggzy.example.cn/deposit' },
    });
    expect(registered.status()).toBe(201);
    expect(JSON.stringify(await registered.json())).not.toContain(SECRET);

    // It pushes a project with one section.
    const projectName = `交易平台推送项目 ${run}`;
    const pushed = await signedPut(request, code, `/projects/E2E-${run}`, {
      name: projectName, type: 'construction', regionCode: '650100', tenderer: '乌鲁木齐市城建局', revision: 1,
      sections: [{ code: 'S1', name: '推送一标段', depositFen: 6_000_000, depositDeadline: new Date(Date.now() + 9 * DAY).toISOString(), bidOpeningAt: new Date(Date.now() + 10 * DAY).toISOString() }],
    });
    expect(pushed.status()).toBe(200);
    expect(await pushed.json()).toMatchObject({ code: 'OK' });

    // A bidder new to the guarantee platform arrives by 【电子保函登录】.
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
