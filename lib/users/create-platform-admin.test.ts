import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { authenticate } from '@/lib/auth/authenticate';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { testDatabaseKinds } from '@/testing/test-database';
import { useTestDatabase } from '@/testing/use-database';
import { CREATE_PLATFORM_ADMIN_ACTION, createPlatformAdmin } from './create-platform-admin';

const PASSWORD = 'Tianshan-2026';
const ORIGIN = { osUser: 'deploy', host: 'bg-app-1' };

describe.each(testDatabaseKinds)('creating a platform administrator from the command line on %s', (kind) => {
  // An empty installation: the schema and the platform's defaults, no demo data, no users.
  const t = useTestDatabase(kind);

  /** What a refused creation must leave as it was. */
  async function counts() {
    const [users, audit] = await Promise.all([
      t.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { users: Number(users.n), audit: Number(audit.n) };
  }

  it('creates an administrator of every region, with the chosen password, who can sign in at once', async () => {
    const created = await createPlatformAdmin(t.db, { phone: ' 13800000000 ', name: ' 张三 ', password: PASSWORD }, ORIGIN);
    expect(created).toEqual({ userId: expect.any(String), phone: '13800000000', name: '张三' });

    const signedIn = await authenticate(t.db, { phone: '13800000000', password: PASSWORD }, '198.51.100.1');
    expect(signedIn).toMatchObject({ userId: created.userId, role: 'platform_admin', name: '张三', regionId: null, enterpriseId: null });
    const row = await t.db.selectFrom('users').selectAll().where('id', '=', created.userId).executeTakeFirstOrThrow();
    // The administrator chose the password: nothing to change at the first sign-in.
    expect(row).toMatchObject({ must_change_password: false, active: true, can_edit_rules: false });
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('is one link in the audit chain, the new administrator its own actor, saying it came from the command line', async () => {
    const created = await createPlatformAdmin(t.db, { phone: '13800000001', name: '买买提·艾力', password: PASSWORD }, ORIGIN);
    const event = await t.db.selectFrom('audit_events').selectAll().where('entity_id', '=', created.userId).executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      action: CREATE_PLATFORM_ADMIN_ACTION,
      entity_type: 'user',
      actor_id: created.userId,
      actor_label: '买买提·艾力（13800000001）',
      actor_role: 'platform_admin',
      region_id: null,
      reason: '由服务器命令行创建（npm run admin:create，deploy@bg-app-1）',
    });
    expect(event.after).toEqual({
      phone: '13800000001', name: '买买提·艾力', role: 'platform_admin', created_via: 'npm run admin:create', ran_as: 'deploy@bg-app-1',
    });
    expect(JSON.stringify(event)).not.toContain(PASSWORD);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('refuses a phone number an account already has, and writes nothing', async () => {
    await createPlatformAdmin(t.db, { phone: '13800000002', name: '李四', password: PASSWORD }, ORIGIN);
    await t.db.updateTable('users').set({ active: false }).where('phone', '=', '13800000002').execute();
    const before = await counts();
    // A deactivated account keeps its number too: phone numbers are never reused.
    const refusal = await expectRefusal(createPlatformAdmin(t.db, { phone: '13800000002', name: '王五', password: PASSWORD }, ORIGIN));
    expect([refusal.code, refusal.message]).toEqual(['CONFLICT', '手机号 13800000002 已有账号（李四），不能再创建']);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['too short', 'Ab-12345', '密码至少 10 位'],
    ['all digits', '1380000000000', '密码须包含字母、数字、符号中的至少两类'],
    ['all letters', 'tianshanjianshe', '密码须包含字母、数字、符号中的至少两类'],
    ['with a space', 'Tianshan 2026', '密码不能包含空格'],
    ['empty', '', '密码至少 10 位'],
    ['missing', undefined, '请设置密码'],
  ])('refuses a weak password (%s) and writes nothing', async (_label, password, message) => {
    const before = await counts();
    const refusal = await expectRefusal(createPlatformAdmin(t.db, { phone: '13800000003', name: '赵六', password }, ORIGIN));
    expect([refusal.code, refusal.message]).toEqual(['WEAK_PASSWORD', message]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['10 digits', '1380000000'],
    ['12 digits', '138000000000'],
    ['not a mobile prefix', '12800000000'],
    ['with separators', '138-0000-0000'],
    ['full-width digits', '１３８００００００００'],
    ['empty', ''],
    ['missing', undefined],
    ['a number, not text', 13800000004],
  ])('refuses an invalid phone number (%s) and writes nothing', async (_label, phone) => {
    const before = await counts();
    const refusal = await expectRefusal(createPlatformAdmin(t.db, { phone, name: '赵六', password: PASSWORD }, ORIGIN));
    expect(refusal.code).toBe('VALIDATION_FAILED');
    expect(refusal.fieldErrors?.phone).toMatch(/手机号/);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['with a digit', '张三1'],
    ['markup', '<b>张三</b>'],
    ['a separator at the end', '买买提·'],
    ['two separators in a row', '买买提··艾力'],
    ['a control character', '张\u0007三'],
    ['a NUL character', '张\u0000三'],
    ['a lone surrogate', '张\ud800'],
    ['an emoji', '张三😀'],
    ['31 characters', '张'.repeat(31)],
  ])('refuses an odd name (%s) and writes nothing', async (_label, name) => {
    const before = await counts();
    const refusal = await expectRefusal(createPlatformAdmin(t.db, { phone: '13800000005', name, password: PASSWORD }, ORIGIN));
    expect(refusal.code).toBe('VALIDATION_FAILED');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['Li Ming', '13700000001'],
    ['Anne-Marie', '13700000002'],
    ['阿依古丽・买买提', '13700000003'],
    ['欧阳娜娜', '13700000004'],
  ])('accepts the name %s', async (name, phone) => {
    expect((await createPlatformAdmin(t.db, { phone, name, password: PASSWORD }, ORIGIN)).name).toBe(name);
  });

  it('says only "the command line" when the system account and host are unknown', async () => {
    const created = await createPlatformAdmin(t.db, { phone: '13800000006', name: '钱七', password: PASSWORD }, { osUser: null, host: null });
    const event = await t.db.selectFrom('audit_events').select(['reason']).where('entity_id', '=', created.userId).executeTakeFirstOrThrow();
    expect(event.reason).toBe('由服务器命令行创建（npm run admin:create）');
  });
});
