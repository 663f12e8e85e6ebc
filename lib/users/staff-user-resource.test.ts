import { describe, expect, it } from 'vitest';
import type { DemoActors } from '@/testing/demo-fixture';
import { DEMO_PHONES, DEMO_REVIEWER_PHONE } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { testDatabaseKinds } from '@/testing/test-database';
import { createRecord } from '@/lib/back-office/create-record';
import { deleteRecord } from '@/lib/back-office/delete-record';
import { getRecord } from '@/lib/back-office/get-record';
import { listRecords } from '@/lib/back-office/list-records';
import type { ListParams } from '@/lib/back-office/list-params';
import { runCommand } from '@/lib/back-office/run-command';
import { updateRecord } from '@/lib/back-office/update-record';
import { authenticate } from '@/lib/auth/authenticate';
import { loadActor } from '@/lib/auth/load-actor';
import { passwordWeakness } from '@/lib/auth/password-policy';
import { actorForSession } from '@/lib/auth/session-actor';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { DEMO_PASSWORD } from '@/lib/platform/demo-data';
import { regionResource } from '@/lib/regions/region-resource';
import { staffUserResource, type StaffUserWithPassword } from './staff-user-resource';

const page = (filter: Record<string, unknown> = {}): ListParams => ({ sort: { field: 'phone', order: 'asc' }, offset: 0, limit: 100, filter });

let serial = 0;
/** A mobile number no other test of this file (nor the demo) uses. */
const freshPhone = () => `137${String(++serial).padStart(8, '0')}`;

type Who = keyof Pick<DemoActors, 'operator' | 'otherOperator' | 'compliance' | 'platformAdmin' | 'bidder'>;

/** Every refusal of a write by someone other than a platform administrator. */
const WRITERS: [Who, string | null][] = [
  ['operator', 'FORBIDDEN'],
  ['otherOperator', 'FORBIDDEN'],
  ['compliance', 'READ_ONLY_ROLE'],
  ['platformAdmin', null],
  ['bidder', 'FORBIDDEN'],
];

describe.each(testDatabaseKinds)('staff accounts (用户) on %s', (kind) => {
  const f = useDemoFixture(kind);

  const auditCount = async () => Number((await f.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const lastAudit = () => f.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  const userId = async (phone: string) => (await f.db.selectFrom('users').select('id').where('phone', '=', phone).executeTakeFirstOrThrow()).id;

  /** A new operator of 乌鲁木齐市 (or another role), made by the platform administrator. */
  async function makeStaff(input: Record<string, unknown> = {}): Promise<StaffUserWithPassword> {
    const created = await createRecord(f.db, f.actors.platformAdmin, staffUserResource, {
      display_name: '测试员工',
      phone: freshPhone(),
      role: 'operator',
      region_id: '650100',
      ...input,
    });
    return created as unknown as StaffUserWithPassword;
  }

  /** Signs in as the login form does; the claims a session token would carry, or null. */
  async function signIn(phone: string, password: string) {
    const signedIn = await authenticate(f.db, { phone, password }, '198.51.100.20');
    return signedIn && { userId: signedIn.userId, sessionVersion: signedIn.sessionVersion };
  }

  describe('who may do what: every role, every operation', () => {
    it.each<[Who, string[] | string]>([
      // An operator sees its own region's operators: itself and its colleague, never another region's nor the staff of no region.
      ['operator', [DEMO_PHONES.operator, DEMO_PHONES.valuesOperator, DEMO_REVIEWER_PHONE]],
      ['otherOperator', [DEMO_PHONES.otherOperator]],
      ['compliance', [DEMO_PHONES.operator, DEMO_PHONES.compliance, DEMO_PHONES.otherOperator, DEMO_PHONES.platformAdmin, DEMO_PHONES.valuesOperator, DEMO_REVIEWER_PHONE]],
      ['platformAdmin', [DEMO_PHONES.operator, DEMO_PHONES.compliance, DEMO_PHONES.otherOperator, DEMO_PHONES.platformAdmin, DEMO_PHONES.valuesOperator, DEMO_REVIEWER_PHONE]],
      ['bidder', 'FORBIDDEN'],
    ])('list as %s → %j (bidders\' accounts are never listed here)', async (who, expected) => {
      const listing = listRecords(f.db, f.actors[who], staffUserResource, page({ q: '139000000' }));
      if (typeof expected === 'string') return expect((await expectRefusal(listing)).code).toBe(expected);
      const { rows } = await listing;
      expect(rows.map((r) => (r as unknown as { phone: string }).phone)).toEqual(expected);
      expect(rows.every((r) => !('password_hash' in r) && !('session_version' in r))).toBe(true);
    });

    it.each<[Who, string | null, string | null]>([
      // [reader, reading 乌鲁木齐市's operator 赵强, reading the platform administrator]
      ['operator', null, 'NOT_FOUND'],
      ['otherOperator', 'NOT_FOUND', 'NOT_FOUND'],
      ['compliance', null, null],
      ['platformAdmin', null, null],
      ['bidder', 'FORBIDDEN', 'FORBIDDEN'],
    ])('read as %s → operator %s, administrator %s', async (who, operatorRefusal, adminRefusal) => {
      for (const [phone, refusal] of [[DEMO_PHONES.valuesOperator, operatorRefusal], [DEMO_PHONES.platformAdmin, adminRefusal]] as const) {
        const reading = getRecord(f.db, f.actors[who], staffUserResource, await userId(phone));
        if (refusal) expect((await expectRefusal(reading)).code).toBe(refusal);
        else expect(await reading).toMatchObject({ phone, active: true });
      }
    });

    it('a bidder\'s account is not a staff record, whoever asks', async () => {
      const error = await expectRefusal(getRecord(f.db, f.actors.platformAdmin, staffUserResource, await userId(DEMO_PHONES.bidder)));
      expect(error.code).toBe('NOT_FOUND');
      const command = await expectRefusal(runCommand(f.db, f.actors.platformAdmin, staffUserResource, await userId(DEMO_PHONES.bidder), 'deactivate', { body: {} }));
      expect(command.code).toBe('NOT_FOUND');
    });

    it.each(WRITERS)('create as %s → %s', async (who, refusal) => {
      const phone = freshPhone();
      const audits = await auditCount();
      const creating = createRecord(f.db, f.actors[who], staffUserResource, { display_name: '新员工', phone, role: 'operator', region_id: '650100' });
      if (refusal) {
        expect((await expectRefusal(creating)).code).toBe(refusal);
        expect(await f.db.selectFrom('users').select('id').where('phone', '=', phone).executeTakeFirst()).toBeUndefined();
        return expect(await auditCount()).toBe(audits);
      }
      expect(await creating).toMatchObject({ phone, must_change_password: true, allowed_actions: ['deactivate', 'resetPassword'] });
      expect(await auditCount()).toBe(audits + 1);
    });

    it.each<[Who, string | null]>([
      ['operator', 'FORBIDDEN'],
      // Another region's operator does not even learn the account exists.
      ['otherOperator', 'NOT_FOUND'],
      ['compliance', 'READ_ONLY_ROLE'],
      ['platformAdmin', null],
      ['bidder', 'FORBIDDEN'],
    ])('edit as %s → %s', async (who, refusal) => {
      const target = await makeStaff();
      const editing = updateRecord(f.db, f.actors[who], staffUserResource, target.id, { display_name: '改名' });
      if (refusal) return expect((await expectRefusal(editing)).code).toBe(refusal);
      expect(await editing).toMatchObject({ display_name: '改名' });
    });

    it.each<[Who, string]>([
      ['operator', 'METHOD_NOT_ALLOWED'],
      ['otherOperator', 'METHOD_NOT_ALLOWED'],
      ['compliance', 'READ_ONLY_ROLE'],
      ['platformAdmin', 'METHOD_NOT_ALLOWED'],
      ['bidder', 'FORBIDDEN'],
    ])('delete as %s → %s: accounts are deactivated, never deleted', async (who, refusal) => {
      const target = await makeStaff();
      expect((await expectRefusal(deleteRecord(f.db, f.actors[who], staffUserResource, target.id))).code).toBe(refusal);
      expect(await f.db.selectFrom('users').select('id').where('id', '=', target.id).executeTakeFirst()).toBeDefined();
    });

    it.each(WRITERS)('deactivate, reactivate and reset a password as %s → %s', async (who, refusal) => {
      const target = await makeStaff();
      const audits = await auditCount();
      for (const [command, active] of [['deactivate', false], ['reactivate', true], ['resetPassword', true]] as const) {
        const running = runCommand(f.db, f.actors[who], staffUserResource, target.id, command, { body: {} });
        if (refusal) expect((await expectRefusal(running)).code, command).toBe(refusal);
        else expect(await running, command).toMatchObject({ id: target.id, active });
      }
      expect(await auditCount()).toBe(refusal ? audits : audits + 3);
    });

    it('offers the commands only to a platform administrator, and never on its own account', async () => {
      const target = await makeStaff();
      const views = await Promise.all(
        (['operator', 'compliance', 'platformAdmin'] as const).map((who) => getRecord(f.db, f.actors[who], staffUserResource, target.id)),
      );
      expect(views.map((v) => v.allowed_actions)).toEqual([[], [], ['deactivate', 'resetPassword']]);
      const own = await getRecord(f.db, f.actors.platformAdmin, staffUserResource, f.actors.platformAdmin.userId);
      expect(own.allowed_actions).toEqual([]);
    });
  });

  describe('creating an account', () => {
    it('answers a strong temporary password once, keeps only its hash, and the audit chain neither', async () => {
      const phone = freshPhone();
      const created = await makeStaff({ phone, rule_permission: 'values' });
      expect(created).toMatchObject({ phone, role: 'operator', region_id: '650100', region_name: '乌鲁木齐市', rule_permission: 'values', active: true, must_change_password: true, last_signed_in_at: null });
      expect(passwordWeakness(created.temporary_password)).toBeNull();
      const stored = await f.db.selectFrom('users').selectAll().where('phone', '=', phone).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ can_edit_rules: false, can_edit_rule_values: true, must_change_password: true });
      expect(stored.password_hash).not.toContain(created.temporary_password);
      const event = await lastAudit();
      expect(event).toMatchObject({ action: 'user.create', entity_type: 'user', entity_id: created.id, region_id: '650100' });
      const text = JSON.stringify(event);
      expect(text).not.toContain(created.temporary_password);
      expect(text).not.toContain(stored.password_hash);
      expect(event.after).not.toHaveProperty('temporary_password');
      // A second read never answers the password again.
      expect(await getRecord(f.db, f.actors.platformAdmin, staffUserResource, created.id)).not.toHaveProperty('temporary_password');
      // It signs in with it (and must then change it).
      expect(await signIn(phone, created.temporary_password)).not.toBeNull();
    });

    it('makes compliance officers and platform administrators of no region and no rule permission, whatever the form sent', async () => {
      const compliance = await makeStaff({ role: 'compliance', region_id: '650200', rule_permission: 'rules' });
      expect(compliance).toMatchObject({ role: 'compliance', region_id: null, rule_permission: 'none' });
      const admin = await makeStaff({ role: 'platform_admin' });
      expect(admin).toMatchObject({ role: 'platform_admin', region_id: null });
    });

    it.each([
      ['a phone of 10 digits', { phone: '1370000000' }, 'phone', '手机号应为 11 位手机号码（以 1 开头）'],
      ['a landline', { phone: '09911234567' }, 'phone', '手机号应为 11 位手机号码（以 1 开头）'],
      ['no name', { display_name: '' }, 'display_name', '请填写姓名'],
      ['an operator without a region', { region_id: null }, 'region_id', '区域管理员必须选择所属区域'],
      ['an unknown role', { role: 'bidder' }, 'role', '请选择角色'],
      ['an unknown permission', { rule_permission: 'all' }, 'rule_permission', '规则权限应为'],
      ['a region that does not exist', { region_id: '659999' }, 'region_id', '所选区域不存在'],
    ])('refuses %s with a Chinese message on the field', async (_label, change, field, message) => {
      const input = { display_name: '新员工', phone: freshPhone(), role: 'operator', region_id: '650100', ...change };
      const error = await expectRefusal(createRecord(f.db, f.actors.platformAdmin, staffUserResource, input));
      expect(error.status).toBe(422);
      expect(error.fieldErrors?.[field]).toContain(message);
    });

    it.each([
      ['a staff member', DEMO_PHONES.operator],
      ['a bidder', DEMO_PHONES.bidder],
    ])('refuses a phone already used by %s: the phone is the sign-in name', async (_who, phone) => {
      const error = await expectRefusal(createRecord(f.db, f.actors.platformAdmin, staffUserResource, { display_name: '重号', phone, role: 'compliance' }));
      expect(error).toMatchObject({ code: 'CONFLICT', fieldErrors: { phone: `手机号 ${phone} 已被其他账号使用` } });
    });
  });

  describe('editing an account', () => {
    it('changes an operator\'s name, region and rule permission, audited, and the next request acts with them', async () => {
      const target = await makeStaff({ rule_permission: 'none' });
      const edited = await updateRecord(f.db, f.actors.platformAdmin, staffUserResource, target.id, {
        display_name: '调岗员工', region_id: '650200', rule_permission: 'rules', reason: '调岗',
      });
      expect(edited).toMatchObject({ display_name: '调岗员工', region_id: '650200', region_name: '克拉玛依市', rule_permission: 'rules' });
      expect(await loadActor(f.db, { userId: target.id })).toMatchObject({ regionId: '650200', canEditRules: true, canEditRuleValues: false });
      const event = await lastAudit();
      expect(event).toMatchObject({ action: 'user.update', reason: '调岗', region_id: '650100' });
      expect(event.before).toMatchObject({ region_id: '650100', rule_permission: 'none' });
      expect(event.after).toMatchObject({ region_id: '650200', rule_permission: 'rules' });
    });

    it('gives no operator a deactivated region, but leaves one the region it has', async () => {
      const region = await createRecord(f.db, f.actors.platformAdmin, regionResource, { id: '919901', name: '将停用区域' });
      const target = await makeStaff({ region_id: region.id });
      await runCommand(f.db, f.actors.platformAdmin, regionResource, '919901', 'deactivate', { body: {} });
      expect(await updateRecord(f.db, f.actors.platformAdmin, staffUserResource, target.id, { display_name: '留守', region_id: '919901' })).toMatchObject({ region_id: '919901' });
      const other = await makeStaff();
      const error = await expectRefusal(updateRecord(f.db, f.actors.platformAdmin, staffUserResource, other.id, { region_id: '919901' }));
      expect(error.fieldErrors?.region_id).toBe('区域「将停用区域」已停用，不能分配给用户');
    });

    it('refuses a region or a rule permission for compliance, and taking an operator\'s region away', async () => {
      const compliance = await makeStaff({ role: 'compliance' });
      expect((await expectRefusal(updateRecord(f.db, f.actors.platformAdmin, staffUserResource, compliance.id, { region_id: '650100' }))).fieldErrors?.region_id).toBe('合规审计和平台管理员不属于某个区域');
      expect((await expectRefusal(updateRecord(f.db, f.actors.platformAdmin, staffUserResource, compliance.id, { rule_permission: 'rules' }))).fieldErrors?.rule_permission).toBe('只有区域管理员可以设置规则权限');
      // The form sends the whole record back: no region and no permission is no change, not an error.
      expect(await updateRecord(f.db, f.actors.platformAdmin, staffUserResource, compliance.id, { display_name: '合规新名', region_id: null, rule_permission: 'none' })).toMatchObject({ display_name: '合规新名' });
      const operator = await makeStaff();
      expect((await expectRefusal(updateRecord(f.db, f.actors.platformAdmin, staffUserResource, operator.id, { region_id: null }))).fieldErrors?.region_id).toBe('区域管理员必须选择所属区域');
    });
  });

  describe('deactivation, reactivation and password reset', () => {
    it('deactivation ends a live session at once (the old token\'s version is nobody), and the account cannot sign in', async () => {
      const target = await makeStaff();
      const token = await signIn(target.phone, target.temporary_password);
      expect(await actorForSession(f.db, token)).not.toBeNull();
      const deactivated = await runCommand(f.db, f.actors.platformAdmin, staffUserResource, target.id, 'deactivate', { body: { reason: '离职' } });
      expect(deactivated).toMatchObject({ active: false, allowed_actions: ['reactivate', 'resetPassword'] });
      expect(await actorForSession(f.db, token)).toBeNull();
      expect(await signIn(target.phone, target.temporary_password)).toBeNull();
      const event = await lastAudit();
      expect(event).toMatchObject({ action: 'user.deactivate', entity_id: target.id, reason: '离职' });
      expect(event.before).toMatchObject({ active: true });
      expect(event.after).toMatchObject({ active: false });

      // Reactivated, it signs in again with its password; the token from before stays ended.
      await runCommand(f.db, f.actors.platformAdmin, staffUserResource, target.id, 'reactivate', { body: {} });
      expect(await actorForSession(f.db, token)).toBeNull();
      expect(await signIn(target.phone, target.temporary_password)).not.toBeNull();
      expect((await lastAudit()).action).toBe('user.reactivate');
    });

    it('refuses to deactivate twice or reactivate an active account', async () => {
      const target = await makeStaff();
      expect((await expectRefusal(runCommand(f.db, f.actors.platformAdmin, staffUserResource, target.id, 'reactivate', { body: {} }))).message).toBe('该用户已是启用状态');
      await runCommand(f.db, f.actors.platformAdmin, staffUserResource, target.id, 'deactivate', { body: {} });
      expect((await expectRefusal(runCommand(f.db, f.actors.platformAdmin, staffUserResource, target.id, 'deactivate', { body: {} }))).message).toBe('该用户已停用');
    });

    it('reset sets must_change_password, ends the sessions, and the old password no longer works', async () => {
      const target = await makeStaff();
      const token = await signIn(target.phone, target.temporary_password);
      // As if the account had chosen its own password since.
      await f.db.updateTable('users').set({ must_change_password: false }).where('id', '=', target.id).execute();
      const reset = (await runCommand(f.db, f.actors.platformAdmin, staffUserResource, target.id, 'resetPassword', { body: {} })) as unknown as StaffUserWithPassword;
      expect(reset).toMatchObject({ id: target.id, must_change_password: true });
      expect(reset.temporary_password).not.toBe(target.temporary_password);
      expect(passwordWeakness(reset.temporary_password)).toBeNull();
      expect(await actorForSession(f.db, token)).toBeNull();
      expect(await signIn(target.phone, target.temporary_password)).toBeNull();
      expect(await signIn(target.phone, reset.temporary_password)).not.toBeNull();
      const event = await lastAudit();
      expect(event).toMatchObject({ action: 'user.reset_password', entity_id: target.id });
      expect(event.before).toMatchObject({ must_change_password: false });
      expect(event.after).toMatchObject({ must_change_password: true });
      expect(JSON.stringify(event)).not.toContain(reset.temporary_password);
      expect(JSON.stringify(event)).not.toContain('scrypt$');
    });

    it('a platform administrator neither deactivates nor resets itself', async () => {
      const self = f.actors.platformAdmin.userId;
      expect(await expectRefusal(runCommand(f.db, f.actors.platformAdmin, staffUserResource, self, 'deactivate', { body: {} }))).toMatchObject({ code: 'FORBIDDEN', message: '不能停用自己的账号' });
      expect((await expectRefusal(runCommand(f.db, f.actors.platformAdmin, staffUserResource, self, 'resetPassword', { body: {} }))).message).toBe('请通过「修改密码」修改自己的密码');
      expect((await loadActor(f.db, { userId: self }))?.role).toBe('platform_admin');
      expect(await signIn(DEMO_PHONES.platformAdmin, DEMO_PASSWORD)).not.toBeNull();
    });
  });
});

describe.each(testDatabaseKinds)('the last active platform administrator on %s', (kind) => {
  const f = useDemoFixture(kind);

  it('is never deactivated: two administrators deactivating each other at once leave one of them', async () => {
    const second = await createRecord(f.db, f.actors.platformAdmin, staffUserResource, { display_name: '第二管理员', phone: '13799990001', role: 'platform_admin' });
    const secondActor = (await loadActor(f.db, { userId: String(second.id) }))!;
    const outcomes = await Promise.allSettled([
      runCommand(f.db, f.actors.platformAdmin, staffUserResource, String(second.id), 'deactivate', { body: {} }),
      runCommand(f.db, secondActor, staffUserResource, f.actors.platformAdmin.userId, 'deactivate', { body: {} }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const [refused] = outcomes.filter((o) => o.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT', message: '不能停用最后一个启用的平台管理员' });
    const active = await f.db.selectFrom('users').select('id').where('role', '=', 'platform_admin').where('active', '=', true).execute();
    expect(active).toHaveLength(1);
  });
});
