import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/database';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { authenticate } from '@/lib/auth/authenticate';
import { freshAddress, lastSentCode, wrongCode } from '@/lib/auth/mobile-codes/testing/sent-codes';
import { verifyPassword } from '@/lib/auth/password';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { demoEnterprises } from '@/lib/platform/demo-data';
import { lookUpUscc } from './look-up-uscc';
import { registerEnterprise } from './register-enterprise';
import { REGISTRATION_LIMITS } from './registration-limits';
import { REGISTRATION_FIELD_LABELS, type RegistrationValues } from './registration-schema';
import { requestRegistrationCode } from './request-registration-code';
import { freshUscc, registerWithCode, registrationValues, TEST_PASSWORD } from './testing/registrations';

const TEST_ADDRESS = '198.51.100.77';

const TIANSHAN = demoEnterprises[0];

/** Row counts of everything a registration writes, and the codes used so far. */
async function snapshot(db: Kysely<Database>) {
  const count = async (table: 'enterprises' | 'users' | 'enterprise_join_requests' | 'audit_events') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const used = await db.selectFrom('mobile_codes').select((eb) => eb.fn.countAll().as('n')).where('consumed_at', 'is not', null).executeTakeFirstOrThrow();
  return {
    enterprises: await count('enterprises'),
    users: await count('users'),
    joinRequests: await count('enterprise_join_requests'),
    audit: await count('audit_events'),
    usedCodes: Number(used.n),
  };
}

describe.each(testDatabaseKinds)('企业注册 on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();
  beforeAll(() => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
  });

  /** A registration with its code asked for; `submit` sends it with the code (or another). */
  async function prepared(overrides: Partial<RegistrationValues> = {}, address = freshAddress()) {
    const values = registrationValues(overrides);
    await requestRegistrationCode(f.db, { phone: values.phone }, address);
    const code = await lastSentCode(f.db, values.phone);
    return { values, code, submit: (changes: Partial<RegistrationValues> = {}) => registerEnterprise(f.db, { ...values, code, ...changes }, address) };
  }

  /** Runs a refused registration and checks it wrote nothing (no enterprise, user, request, audit row, used code). */
  async function refusedWithoutWrites(attempt: () => Promise<unknown>) {
    const before = await snapshot(f.db);
    const refusal = await expectRefusal(attempt());
    expect(await snapshot(f.db)).toEqual(before);
    return refusal;
  }

  it('registers a new enterprise 待认证审核 in its region with its first bidder user, audited, who signs in at once', async () => {
    const { values, outcome } = await registerWithCode(f.db);
    expect(outcome).toMatchObject({ kind: 'registered', enterpriseName: '新疆博格达建设集团有限公司' });
    if (outcome.kind !== 'registered') throw new Error('not registered');
    const enterprise = await f.db.selectFrom('enterprises').selectAll().where('id', '=', outcome.enterpriseId).executeTakeFirstOrThrow();
    expect(enterprise).toMatchObject({
      uscc: values.uscc, legal_representative: '艾力·买买提', contact_phone: '0991-4567890', email: 'bid@bogda.example.cn',
      basic_account_number: '6216610000012345678', region_id: '650100', status: 'pending_review', registered_by: outcome.userId, created_at: clock.now(),
    });
    const user = await f.db.selectFrom('users').selectAll().where('id', '=', outcome.userId).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ phone: values.phone, display_name: '古丽', role: 'bidder', enterprise_id: enterprise.id, active: true, must_change_password: false });
    expect(await verifyPassword(TEST_PASSWORD, user.password_hash)).toBe(true);

    const event = await f.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'enterprise.register', entity_type: 'enterprise', entity_id: enterprise.id, region_id: '650100', actor_id: user.id });
    expect(event.after).toMatchObject({ status: 'pending_review', first_user: { id: user.id, phone: values.phone } });
    expect(JSON.stringify(event.after)).not.toContain('scrypt');
    expect((await verifyAuditChain(f.db)).ok).toBe(true);

    const signedIn = await authenticate(f.db, { phone: values.phone, password: TEST_PASSWORD }, TEST_ADDRESS);
    expect(signedIn).toMatchObject({ role: 'bidder', enterpriseId: enterprise.id, name: '古丽' });
  });

  it('takes a USCC typed in lower case with spaces as the code it is', async () => {
    const uscc = freshUscc();
    const { outcome } = await registerWithCode(f.db, { uscc: ` ${uscc.slice(0, 6)} ${uscc.slice(6).toLowerCase()}` });
    const enterprise = await f.db.selectFrom('enterprises').select('uscc').where('id', '=', outcome.enterpriseId).executeTakeFirstOrThrow();
    expect(enterprise.uscc).toBe(uscc);
  });

  it.each([
    ['a wrong check character', (u: string) => u.slice(0, 17) + (u[17] === '0' ? '1' : '0'), '统一社会信用代码校验位不正确，请核对后重新输入'],
    ['17 characters', (u: string) => u.slice(0, 17), '统一社会信用代码应为 18 位（当前 17 位）'],
    ['a letter outside the set', (u: string) => `${u.slice(0, 10)}O${u.slice(11)}`, '统一社会信用代码只能包含数字和除 I、O、Z、S、V 以外的大写字母（“O”无效）'],
    ['nothing', () => '', '请填写统一社会信用代码'],
  ])('refuses a USCC with %s beside the field, and writes nothing', async (_label, spoil, message) => {
    const { submit, values } = await prepared();
    const refusal = await refusedWithoutWrites(() => submit({ uscc: spoil(values.uscc) }));
    expect([refusal.code, refusal.fieldErrors?.uscc]).toEqual(['VALIDATION_FAILED', message]);
    // The code was not tried, so it still works.
    expect(await submit()).toMatchObject({ kind: 'registered' });
  });

  it('makes a USCC already on the platform a request to join that enterprise, ignoring the enterprise fields', async () => {
    const { submit, values } = await prepared({
      uscc: TIANSHAN.uscc.toLowerCase(), enterpriseName: '', legalRepresentative: '', email: 'not an e-mail', basicAccountNumber: '12', regionId: 'x',
      personName: '王芳',
    });
    const before = await snapshot(f.db);
    const outcome = await submit();
    expect(outcome).toMatchObject({ kind: 'join_requested', enterpriseName: TIANSHAN.name });
    if (outcome.kind !== 'join_requested') throw new Error('not a join request');
    expect(await snapshot(f.db)).toEqual({ ...before, joinRequests: before.joinRequests + 1, audit: before.audit + 1, usedCodes: before.usedCodes + 1 });
    const request = await f.db.selectFrom('enterprise_join_requests').selectAll().where('id', '=', outcome.requestId).executeTakeFirstOrThrow();
    expect(request).toMatchObject({ enterprise_id: outcome.enterpriseId, display_name: '王芳', phone: values.phone, status: 'pending', user_id: null });
    expect(await verifyPassword(TEST_PASSWORD, request.password_hash)).toBe(true);
    const enterprise = await f.db.selectFrom('enterprises').selectAll().where('id', '=', outcome.enterpriseId).executeTakeFirstOrThrow();
    expect(enterprise).toMatchObject({ name: TIANSHAN.name, email: TIANSHAN.email, status: 'verified' });
    const event = await f.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      action: 'enterprise.join_request', entity_type: 'enterprise_join_request', entity_id: request.id, region_id: '650100',
      actor_id: null, actor_label: `王芳（${values.phone}）`, actor_role: 'bidder',
    });
    expect((await verifyAuditChain(f.db)).ok).toBe(true);
    // No account until the enterprise's administrator approves.
    expect(await authenticate(f.db, { phone: values.phone, password: TEST_PASSWORD }, TEST_ADDRESS)).toBeNull();
  });

  it('refuses a wrong code, an expired code and a code guessed wrong too often, each with its own code, writing nothing', async () => {
    const wrong = await prepared();
    const refusedWrong = await refusedWithoutWrites(() => wrong.submit({ code: wrongCode(wrong.code) }));
    expect([refusedWrong.code, refusedWrong.fieldErrors]).toEqual(['MOBILE_CODE_WRONG', { code: '验证码错误，还可尝试 4 次' }]);

    const expired = await prepared();
    clock.advance(10 * 60_000);
    const refusedExpired = await refusedWithoutWrites(() => expired.submit());
    expect([refusedExpired.code, refusedExpired.fieldErrors]).toEqual(['MOBILE_CODE_EXPIRED', { code: '验证码已过期（有效期 10 分钟），请重新获取' }]);

    const guessed = await prepared();
    for (let i = 0; i < 5; i++) await refusedWithoutWrites(() => guessed.submit({ code: wrongCode(guessed.code) }));
    const refusedDead = await refusedWithoutWrites(() => guessed.submit());
    expect([refusedDead.code, refusedDead.message]).toEqual(['MOBILE_CODE_EXHAUSTED', '验证码错误次数过多，已失效，请重新获取']);

    const never = registrationValues({ code: '123456' });
    const refusedMissing = await refusedWithoutWrites(() => registerEnterprise(f.db, never, TEST_ADDRESS));
    expect(refusedMissing.code).toBe('MOBILE_CODE_MISSING');
  });

  it.each([
    ['too short', 'Ab1-2', '密码至少 10 位'],
    ['all digits', '1234567890123', '密码须包含字母、数字、符号中的至少两类'],
    ['all letters', 'abcdefghijkl', '密码须包含字母、数字、符号中的至少两类'],
    ['with a space', 'Tianchi 2026!', '密码不能包含空格'],
  ])('refuses a weak password (%s) before the code is tried', async (_label, password, message) => {
    const { submit } = await prepared();
    const refusal = await refusedWithoutWrites(() => submit({ password, confirmPassword: password }));
    expect([refusal.code, refusal.fieldErrors?.password]).toEqual(['VALIDATION_FAILED', message]);
    expect(await submit()).toMatchObject({ kind: 'registered' });
  });

  it('refuses a confirmation that differs, beside 确认密码, even with other fields wrong', async () => {
    const { submit } = await prepared();
    const refusal = await refusedWithoutWrites(() => submit({ confirmPassword: 'Tianchi-2027', email: '' }));
    expect(refusal.fieldErrors).toEqual({ confirmPassword: '两次输入的密码不一致', email: '请填写电子邮箱' });
  });

  it('names every missing field at once', async () => {
    const refusal = await refusedWithoutWrites(() => registerEnterprise(f.db, {}, TEST_ADDRESS));
    expect(Object.keys(refusal.fieldErrors ?? {}).sort()).toEqual(Object.keys(REGISTRATION_FIELD_LABELS).sort());
    expect(refusal.fieldErrors).toMatchObject({ regionId: '请选择所属区域', confirmPassword: '请再次输入密码', code: '请填写短信验证码' });
    // An empty confirmation is asked for, not taken as matching nothing.
    const { submit } = await prepared();
    expect((await refusedWithoutWrites(() => submit({ confirmPassword: '' }))).fieldErrors).toEqual({ confirmPassword: '请再次输入密码' });
  });

  it('refuses a phone that already has an account, when the code is asked for and when submitting', async () => {
    const asked = await expectRefusal(requestRegistrationCode(f.db, { phone: '13900000001' }, TEST_ADDRESS));
    expect([asked.code, asked.fieldErrors]).toEqual(['CONFLICT', { phone: '该手机号已注册，请直接登录；如忘记密码，可通过「忘记密码」重设' }]);
    expect(await f.db.selectFrom('sms_messages').select('id').where('phone', '=', '13900000001').execute()).toEqual([]);

    // The number gets an account after its code was sent (another registration took it meanwhile).
    const { submit, values } = await prepared();
    const other = await registerWithCode(f.db);
    await f.db.updateTable('users').set({ phone: values.phone }).where('phone', '=', other.values.phone).execute();
    const refusal = await refusedWithoutWrites(() => submit());
    expect([refusal.code, refusal.fieldErrors?.phone]).toEqual(['CONFLICT', '该手机号已注册，请直接登录；如忘记密码，可通过「忘记密码」重设']);
  });

  it('refuses a phone with a join request still waiting', async () => {
    const { values } = await registerWithCode(f.db, { uscc: TIANSHAN.uscc });
    const asked = await expectRefusal(requestRegistrationCode(f.db, { phone: values.phone }, TEST_ADDRESS));
    expect([asked.code, asked.message]).toEqual(['CONFLICT', '该手机号已提交加入企业的申请，正在等待企业管理员审批']);
  });

  it('refuses an inactive or unknown region', async () => {
    await f.db.insertInto('regions').values({ id: '659001', name: '石河子市', active: false }).execute();
    for (const regionId of ['659001', '110000']) {
      const { submit } = await prepared({ regionId });
      const refusal = await refusedWithoutWrites(() => submit());
      expect([refusal.code, refusal.fieldErrors]).toEqual(['VALIDATION_FAILED', { regionId: '请选择有效的所属区域' }]);
    }
  });

  it.each(Object.keys(REGISTRATION_FIELD_LABELS) as (keyof RegistrationValues)[])('refuses odd unicode in %s cleanly, writing nothing', async (field) => {
    const { submit, values } = await prepared();
    for (const odd of [`${values[field]}\ud800`, `\udc00${values[field]}`, `${values[field]}\u0000`]) {
      const refusal = await refusedWithoutWrites(() => submit({ [field]: odd }));
      expect(refusal.code).toBe('VALIDATION_FAILED');
      expect(refusal.fieldErrors?.[field]).toMatch(/^包含无法(识别|保存)的/);
      expect(refusal.status).toBe(422);
    }
    expect(await submit()).toMatchObject({ kind: 'registered' });
  });

  it('refuses values of the wrong type and too long, beside their fields', async () => {
    const { submit } = await prepared();
    const refusal = await refusedWithoutWrites(() => submit({ enterpriseName: '中'.repeat(101), personName: 42 as unknown as string, phone: ['138'] as unknown as string }));
    expect(refusal.fieldErrors).toMatchObject({ enterpriseName: '企业名称不能超过 100 个字符', personName: '请填写姓名', phone: '请填写手机号' });
  });

  it('holds back a flood of registrations from one address', async () => {
    clock.set('2026-11-24T05:00:00Z');
    const address = '203.0.113.99';
    for (let i = 0; i < REGISTRATION_LIMITS.submitsPerHour; i++) await expectRefusal(registerEnterprise(f.db, {}, address));
    const held = await expectRefusal(registerEnterprise(f.db, {}, address));
    expect([held.code, held.message]).toEqual(['RATE_LIMITED', '操作过于频繁，请 60 分钟后再试']);
    clock.set('2026-11-24T06:00:00Z');
    expect((await expectRefusal(registerEnterprise(f.db, {}, address))).code).toBe('VALIDATION_FAILED');
  });

  it('tells the page whether a USCC is on the platform already, and which enterprise', async () => {
    expect(await lookUpUscc(f.db, TIANSHAN.uscc, TEST_ADDRESS)).toEqual({ registered: true, enterpriseName: TIANSHAN.name });
    expect(await lookUpUscc(f.db, freshUscc(), TEST_ADDRESS)).toEqual({ registered: false });
    const malformed = await expectRefusal(lookUpUscc(f.db, '91650100712345678H', TEST_ADDRESS));
    expect(malformed.code).toBe('VALIDATION_FAILED');
  });
});
