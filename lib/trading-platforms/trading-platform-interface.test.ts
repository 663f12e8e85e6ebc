import { decode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { actorForSession } from '@/lib/auth/session-actor';
import { secret } from '@/lib/config/secrets';
import { createRecord } from '@/lib/back-office/create-record';
import { updateRecord } from '@/lib/back-office/update-record';
import { getRecord } from '@/lib/back-office/get-record';
import { abandonOrder } from '@/lib/orders/abandon-order';
import { getMyOrder } from '@/lib/orders/get-my-order';
import { orderOnNewProject } from '@/lib/orders/testing/order-on-new-project';
import { orderOnSection, payFromBasicAccount } from '@/lib/orders/testing/test-orders';
import { deliverDueOutboxMessages } from '@/lib/outbox/deliver-due-messages';
import { platformCallbackDeliverer } from '@/lib/outbox/deliver-platform-callback';
import { projectResource } from '@/lib/projects/project-resource';
import { sectionResource } from '@/lib/sections/section-resource';
import { assertEnterpriseMayApply } from '@/lib/enterprises/assert-enterprise-may-apply';
import { completePlatformEnterprise } from '@/lib/enterprises/complete-platform-enterprise';
import { withCheckCharacter } from '@/lib/enterprises/uscc';
import { now } from '@/lib/time/clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { callbackKey } from './guarantee-callback';
import { platformKeys } from './platform-keys';
import { tradingPlatformResource } from './trading-platform-resource';
import { useFakeTradingPlatform } from './testing/use-fake-trading-platform';

const SECRET = 'xj-ggzy-shared-secret-0123456789abcdef';
const DAY = 24 * 60 * 60 * 1000;

describe.each(testDatabaseKinds)('the trading-platform interface on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  const xj = useFakeTradingPlatform(f, { code: 'xj-ggzy', secret: SECRET, withCallbacks: true, returnUrl: 'https://ggzy.example.cn/bidder/deposit' });

  const at = (days: number) => new Date(now().getTime() + days * DAY).toISOString();
  const project = (revision: number, sections = [{ code: '01', name: '一标段', depositFen: 8_000_000 }, { code: '02', name: '二标段', depositFen: 5_000_000 }]) => ({
    name: '乌鲁木齐市某道路工程',
    type: 'construction',
    regionCode: '650100',
    tenderer: '乌鲁木齐市城建局',
    revision,
    sections: sections.map((s) => ({ ...s, depositDeadline: at(9), bidOpeningAt: at(10) })),
  });
  const counts = async () => ({
    projects: Number((await f.db.selectFrom('projects').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
    sections: Number((await f.db.selectFrom('sections').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
    events: Number((await f.db.selectFrom('project_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
    nonces: Number((await f.db.selectFrom('platform_nonces').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
  });
  const pushed = (code: string) => f.db.selectFrom('projects').selectAll().where('code', '=', code).executeTakeFirstOrThrow();

  it('keeps the secret write-only: neither the answer nor the audit chain holds it', async () => {
    const list = await f.db.selectFrom('trading_platforms').select('id').execute();
    const record = await getRecord(f.db, f.actors.platformAdmin, tradingPlatformResource, list[0]!.id);
    expect(JSON.stringify(record)).not.toContain(SECRET);
    const audit = await f.db.selectFrom('audit_events').select(['after']).where('entity_type', '=', 'trading_platform').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    await expect(getRecord(f.db, f.actors.operator, tradingPlatformResource, list[0]!.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('creates a pushed project with its sections, answers a repeated revision unchanged and refuses an older one', async () => {
    const before = await counts();
    const first = await xj.platform.call('PUT', '/projects/XJ-2026-001', project(2));
    expect(first).toMatchObject({ status: 200, code: 'OK', data: { revision: 2, unchanged: false } });
    const row = await pushed('XJ-2026-001');
    expect(row).toMatchObject({ platform_revision: 2, region_id: '650100', status: 'normal' });
    expect(await counts()).toMatchObject({ projects: before.projects + 1, sections: before.sections + 2, nonces: before.nonces + 1 });

    expect(await xj.platform.call('PUT', '/projects/XJ-2026-001', project(2))).toMatchObject({ status: 200, code: 'OK', data: { unchanged: true } });
    const settled = await counts();
    const stale = await xj.platform.call('PUT', '/projects/XJ-2026-001', project(1, [{ code: '09', name: '九标段', depositFen: 1 }]));
    expect(stale).toMatchObject({ status: 409, code: 'STALE_REVISION' });
    expect(await counts()).toEqual(settled);
    expect((await pushed('XJ-2026-001')).platform_revision).toBe(2);
  });

  it('refuses a bad signature, a stale timestamp and a reused nonce with their codes, writing nothing', async () => {
    const before = await counts();
    expect(await xj.platform.call('PUT', '/projects/XJ-FORGED', project(1), { secret: 'not-the-secret-not-the-secret-000' })).toMatchObject({ status: 401, code: 'BAD_SIGNATURE' });
    expect(await xj.platform.call('PUT', '/projects/XJ-FORGED', project(1), { platformCode: 'no-such-platform' })).toMatchObject({ status: 401, code: 'BAD_SIGNATURE' });
    expect(await xj.platform.call('PUT', '/projects/XJ-FORGED', project(1), { nonce: 'short' })).toMatchObject({ status: 401, code: 'BAD_SIGNATURE' });
    const old = String(Math.floor(now().getTime() / 1000) - 301);
    expect(await xj.platform.call('PUT', '/projects/XJ-FORGED', project(1), { timestamp: old })).toMatchObject({ status: 401, code: 'STALE_TIMESTAMP' });
    expect(await xj.platform.call('PUT', '/projects/XJ-FORGED', '{not json', {})).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
    expect(await counts()).toEqual(before);

    const nonce = 'reused-nonce-0123456789';
    expect(await xj.platform.call('PUT', '/projects/XJ-NONCE', project(1), { nonce })).toMatchObject({ code: 'OK' });
    const after = await counts();
    expect(await xj.platform.call('PUT', '/projects/XJ-NONCE-2', project(1), { nonce })).toMatchObject({ status: 401, code: 'NONCE_REUSED' });
    expect(await counts()).toEqual(after);
    await expect(f.db.selectFrom('projects').select('id').where('code', '=', 'XJ-NONCE-2').executeTakeFirst()).resolves.toBeUndefined();
  });

  it('records a status change and a bid-opening change as project events with their reasons, once per eventId', async () => {
    await xj.platform.call('PUT', '/projects/XJ-EVT', project(1));
    const row = await pushed('XJ-EVT');
    const event = { eventId: 'evt-status-1', kind: 'status', status: 'suspended', reason: '投诉处理，项目中止', occurredAt: now().toISOString() };
    expect(await xj.platform.call('POST', '/projects/XJ-EVT/events', event)).toMatchObject({ code: 'OK', data: { duplicate: false } });
    expect(await xj.platform.call('POST', '/projects/XJ-EVT/events', event)).toMatchObject({ code: 'OK', data: { duplicate: true } });
    const moved = { eventId: 'evt-open-1', kind: 'bid_opening', bidOpeningAt: at(12), reason: '开标时间顺延', occurredAt: now().toISOString() };
    expect(await xj.platform.call('POST', '/projects/XJ-EVT/events', moved)).toMatchObject({ code: 'OK' });
    const events = await f.db.selectFrom('project_events').selectAll().where('project_id', '=', row.id).orderBy('occurred_at').orderBy('kind', 'desc').execute();
    expect(events.map((e) => [e.kind, e.to_value, e.reason, e.actor_id])).toEqual([
      ['status', 'suspended', '投诉处理，项目中止', null],
      ['bid_opening', new Date(at(12)).toISOString(), '开标时间顺延', null],
    ]);
    expect(await pushed('XJ-EVT')).toMatchObject({ status: 'suspended' });
    expect(await xj.platform.call('POST', '/projects/XJ-NONE/events', { ...event, eventId: 'evt-x' })).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await xj.platform.call('POST', '/projects/XJ-EVT/events', { ...event, eventId: 'evt-bad', status: 'closed' })).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
  });

  it('keeps pushed projects read-only in /admin', async () => {
    const row = await pushed('XJ-2026-001');
    await expect(updateRecord(f.db, f.actors.operator, projectResource, row.id, { name: '改名' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('交易平台推送'),
    });
    await expect(createRecord(f.db, f.actors.operator, sectionResource, { project_id: row.id, code: '03', name: '三标段', deposit_fen: 100 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await pushed('XJ-2026-001')).name).toBe('乌鲁木齐市某道路工程');
  });

  it('calls the platform back, signed, when a bidder on a pushed section is insured, and refuses removing that section', async () => {
    const row = await pushed('XJ-2026-001');
    const section = await f.db.selectFrom('sections').select('id').where('project_id', '=', row.id).where('code', '=', '01').executeTakeFirstOrThrow();
    const order = await orderOnSection(f, section.id);
    await payFromBasicAccount(f, order);
    const messages = await f.db.selectFrom('outbox_messages').selectAll().where('ordering_key', '=', callbackKey('xj-ggzy', order.id)).execute();
    expect(messages).toHaveLength(1);
    expect(messages[0]!.destination).toBe(`${xj.platform.callbacks.url}/guarantee-events`);

    await deliverDueOutboxMessages(f.db, { deliverers: { platform_callback: platformCallbackDeliverer(platformKeys), email: async () => ({ responseCode: null }) } });
    const received = xj.platform.callbacks.received.map((r) => ({ ...(JSON.parse(r.body) as Record<string, unknown>), valid: r.signatureValid })) as ({ uscc?: string } & Record<string, unknown>)[];
    const policy = await f.db.selectFrom('policies').select('policy_number').where('order_id', '=', order.id).executeTakeFirstOrThrow();
    expect(received).toEqual([
      expect.objectContaining({ type: 'issued', orderNumber: order.orderNumber, policyNumber: policy.policy_number, sectionCode: '01', amountFen: 8_000_000, valid: true }),
    ]);

    const held = await xj.platform.call('GET', `/guarantees?sectionCode=01&uscc=${encodeURIComponent(received[0]!.uscc as string)}`);
    expect(held).toMatchObject({ code: 'OK', data: [{ policyNumber: policy.policy_number, status: 'issued', amountFen: 8_000_000 }] });
    expect(await xj.platform.call('GET', '/guarantees?sectionCode=01')).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });

    const before = await counts();
    const removing = await xj.platform.call('PUT', '/projects/XJ-2026-001', project(3, [{ code: '02', name: '二标段', depositFen: 5_000_000 }]));
    expect(removing).toMatchObject({ status: 409, code: 'SECTION_IN_USE' });
    const repricing = await xj.platform.call('PUT', '/projects/XJ-2026-001', project(3, [{ code: '01', name: '一标段', depositFen: 9_000_000 }, { code: '02', name: '二标段', depositFen: 5_000_000 }]));
    expect(repricing).toMatchObject({ status: 409, code: 'SECTION_IN_USE' });
    expect(await counts()).toEqual(before);
    expect((await pushed('XJ-2026-001')).platform_revision).toBe(2);

    // Renaming and adding sections is fine; the one without orders may go.
    const next = await xj.platform.call('PUT', '/projects/XJ-2026-001', project(3, [{ code: '01', name: '一标段（调整）', depositFen: 8_000_000 }, { code: '03', name: '三标段', depositFen: 1_000_000 }]));
    expect(next).toMatchObject({ code: 'OK', data: { revision: 3 } });
    const sections = await f.db.selectFrom('sections').select(['code', 'name']).where('project_id', '=', row.id).orderBy('code').execute();
    expect(sections).toEqual([{ code: '01', name: '一标段（调整）' }, { code: '03', name: '三标段' }]);
  });

  it('offers 返回交易平台 on an order from the platform once the bidder gives it up, and tells the platform', async () => {
    const row = await pushed('XJ-2026-001');
    const section = await f.db.selectFrom('sections').select('id').where('project_id', '=', row.id).where('code', '=', '03').executeTakeFirstOrThrow();
    const order = await orderOnSection(f, section.id, f.actors.otherBidder);
    const pending = await getMyOrder(f.db, f.actors.otherBidder, order.id);
    expect(pending).toMatchObject({ abandonLandsOnOrder: true, returnToPlatform: null });
    await abandonOrder(f.db, f.actors.otherBidder, order.id);
    expect((await getMyOrder(f.db, f.actors.otherBidder, order.id)).returnToPlatform).toEqual({ name: '新疆公共资源交易网', url: 'https://ggzy.example.cn/bidder/deposit' });
    const callbacks = await f.db.selectFrom('outbox_messages').select(['payload']).where('ordering_key', '=', callbackKey('xj-ggzy', order.id)).execute();
    const bodies = callbacks.map((c) => JSON.parse((typeof c.payload === 'string' ? JSON.parse(c.payload) : c.payload).body as string) as { type: string; orderNumber: string });
    expect(bodies.map((b) => [b.type, b.orderNumber])).toEqual([['abandoned', order.orderNumber]]);
  });

  it('offers no 返回交易平台 for an order on a project an operator made', async () => {
    const { orderId } = await orderOnNewProject(f, { unpaid: true });
    expect((await getMyOrder(f.db, f.actors.bidder, orderId)).abandonLandsOnOrder).toBe(false);
    await abandonOrder(f.db, f.actors.bidder, orderId);
    expect((await getMyOrder(f.db, f.actors.bidder, orderId)).returnToPlatform).toBeNull();
    expect(await f.db.selectFrom('outbox_messages').select('id').where('ordering_key', 'like', `callback:%:order:${orderId}`).execute()).toEqual([]);
  });
});

describe.each(testDatabaseKinds)('the SSO hand-off from a trading platform on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  const xj = useFakeTradingPlatform(f, { code: 'xj-sso', secret: SECRET });

  const USCC = withCheckCharacter('91650100MA77ABCD1');
  const seconds = () => Math.floor(now().getTime() / 1000);
  const payload = (nonce: string, extra: Record<string, unknown> = {}) => ({
    uscc: USCC, enterpriseName: '新疆交易平台测试建设有限公司', userName: '平台投标人', phone: '13911112222', nonce, exp: seconds() + 120, ...extra,
  });
  const visit = (token: string) => fetch(`${xj.api.url}/sso/xj-sso?token=${encodeURIComponent(token)}`, { redirect: 'manual' });
  const rows = async () => ({
    users: (await f.db.selectFrom('users').select('id').execute()).length,
    enterprises: (await f.db.selectFrom('enterprises').select('id').execute()).length,
    tokens: (await f.db.selectFrom('platform_sso_tokens').select('nonce').execute()).length,
  });

  it('signs the bidder in, creating a trusted enterprise that must complete its basic account, and refuses the token a second time', async () => {
    const uscc = USCC;
    const before = await rows();
    const token = xj.platform.ssoToken(payload('sso-nonce-0000000001', { uscc }));
    const answer = await visit(token);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/account/enterprise');
    expect(answer.headers.get('set-cookie')).toMatch(/^next-auth\.session-token=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    expect(await rows()).toEqual({ users: before.users + 1, enterprises: before.enterprises + 1, tokens: before.tokens + 1 });
    // The cookie is a session like a password sign-in's: it loads the new bidder.
    const jwt = /^next-auth\.session-token=([^;]+)/.exec(answer.headers.get('set-cookie')!)![1]!;
    const claims = await decode({ token: jwt, secret: secret('NEXTAUTH_SECRET') });
    const actor = await actorForSession(f.db, { userId: claims?.sub, sessionVersion: claims?.sessionVersion });
    expect(actor).toMatchObject({ role: 'bidder', phone: '13911112222', name: '平台投标人' });
    const enterprise = await f.db.selectFrom('enterprises').selectAll().where('uscc', '=', uscc).executeTakeFirstOrThrow();
    expect(enterprise).toMatchObject({ status: 'verified', basic_account_number: '', region_id: '650100' });
    await expect(assertEnterpriseMayApply(f.db, enterprise.id)).rejects.toMatchObject({ code: 'ENTERPRISE_PROFILE_INCOMPLETE' });
    const completion = { legal_representative: '张三', email: 'bidder@example.cn', basic_account_bank: '中国银行乌鲁木齐分行', basic_account_name: '新疆交易平台测试建设有限公司', basic_account_number: '6217000011112222' };
    await expect(completePlatformEnterprise(f.db, actor!, { ...completion, basic_account_number: '12' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await completePlatformEnterprise(f.db, actor!, completion);
    await expect(assertEnterpriseMayApply(f.db, enterprise.id)).resolves.toBeUndefined();
    await expect(completePlatformEnterprise(f.db, actor!, completion)).rejects.toMatchObject({ code: 'CONFLICT' });

    const again = await visit(token);
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toContain('登录凭证已使用过');
    expect(await rows()).toEqual({ users: before.users + 1, enterprises: before.enterprises + 1, tokens: before.tokens + 1 });
  });

  it('links an existing enterprise by USCC and lands on 立即申请 of the named section', async () => {
    const existing = await f.db.selectFrom('enterprises').select(['id', 'uscc']).where('id', '=', f.actors.bidder.enterpriseId!).executeTakeFirstOrThrow();
    await xj.platform.call('PUT', '/projects/XJ-SSO', {
      name: '交易平台项目', type: 'construction', regionCode: '650100', tenderer: '招标人', revision: 1,
      sections: [{ code: 'S1', name: '一标段', depositFen: 100_000, depositDeadline: new Date(now().getTime() + 5 * DAY).toISOString(), bidOpeningAt: new Date(now().getTime() + 6 * DAY).toISOString() }],
    });
    const section = await f.db.selectFrom('sections').innerJoin('projects', 'projects.id', 'sections.project_id').select('sections.id').where('projects.code', '=', 'XJ-SSO').executeTakeFirstOrThrow();
    const before = await rows();
    const answer = await visit(xj.platform.ssoToken(payload('sso-nonce-0000000002', { uscc: existing.uscc, phone: '13911113333', sectionCode: 'S1' })));
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`/apply/${section.id}`);
    expect(await rows()).toEqual({ users: before.users + 1, enterprises: before.enterprises, tokens: before.tokens + 1 });
    const user = await f.db.selectFrom('users').select(['enterprise_id', 'role']).where('phone', '=', '13911113333').executeTakeFirstOrThrow();
    expect(user).toEqual({ enterprise_id: existing.id, role: 'bidder' });
  });

  it('refuses an expired, a forged, a too-long-lived and a malformed token, signing no one in and writing nothing', async () => {
    const before = await rows();
    const cases: [string, string][] = [
      [xj.platform.ssoToken(payload('sso-nonce-0000000003', { exp: seconds() - 1 })), '已过期'],
      [xj.platform.ssoToken(payload('sso-nonce-0000000004'), { secret: 'another-secret-another-secret-0000' }), '签名无效'],
      [xj.platform.ssoToken(payload('sso-nonce-0000000005', { exp: seconds() + 301 })), '有效期过长'],
      [xj.platform.ssoToken({ nonce: 'sso-nonce-0000000006', exp: seconds() + 60 }), '格式不正确'],
      ['not-a-token', '无效'],
      ['', '无效'],
    ];
    for (const [token, text] of cases) {
      const answer = await visit(token);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('set-cookie')).toBeNull();
      expect(await answer.text()).toContain(text);
    }
    const staff = await visit(xj.platform.ssoToken(payload('sso-nonce-0000000007', { phone: f.actors.operator.phone })));
    expect(staff.status).toBe(401);
    expect(await rows()).toEqual(before);
  });
});
