import { describe, expect, it } from 'vitest';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { authenticate } from './authenticate';
import { changeOwnPassword, WRONG_CURRENT_PASSWORD_LIMIT } from './change-own-password';
import { loadActor } from './load-actor';
import { hashPassword } from './password';
import { actorForSession } from './session-actor';

const OLD = 'Old-password-1';
const NEW = 'New-password-2';

describe.each(testDatabaseKinds)('修改密码 (changing one\'s own password) on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();

  let serial = 0;
  /** An account of its own per test (a bidder of the demo's first enterprise, or staff), with password OLD. */
  async function account(role: 'bidder' | 'operator' = 'bidder', mustChange = false) {
    const phone = `136${String(++serial).padStart(8, '0')}`;
    const { id } = await f.db
      .insertInto('users')
      .values({
        phone,
        display_name: '改密测试',
        password_hash: await hashPassword(OLD),
        role,
        region_id: role === 'operator' ? '650200' : null,
        enterprise_id: role === 'bidder' ? f.actors.bidder.enterpriseId : null,
        must_change_password: mustChange,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const signedIn = (await authenticate(f.db, { phone, password: OLD }, '198.51.100.30'))!;
    return { phone, actor: (await loadActor(f.db, { userId: id }))!, token: { userId: id, sessionVersion: signedIn.sessionVersion } };
  }

  const auditCount = async () => Number((await f.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const input = (currentPassword: string, newPassword = NEW, confirmPassword = newPassword) => ({ currentPassword, newPassword, confirmPassword });

  it.each(['bidder', 'operator'] as const)('a %s changes it: every session ends, the new password signs in, the old one does not, audited without secrets', async (role) => {
    const { phone, actor, token } = await account(role, true);
    await changeOwnPassword(f.db, actor, input(OLD));
    expect(await actorForSession(f.db, token)).toBeNull();
    expect(await authenticate(f.db, { phone, password: OLD }, '198.51.100.30')).toBeNull();
    const again = await authenticate(f.db, { phone, password: NEW }, '198.51.100.30');
    expect(again).toMatchObject({ mustChangePassword: false });
    const event = await f.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'user.change_password', entity_type: 'user', entity_id: actor.userId, actor_id: actor.userId });
    expect(event.before).toEqual({ must_change_password: true });
    expect(event.after).toEqual({ must_change_password: false });
    const text = JSON.stringify(event);
    expect(text).not.toContain(NEW);
    expect(text).not.toContain('scrypt$');
  });

  it.each([
    ['a wrong current password', input('Wrong-password-9'), 'VALIDATION_FAILED', 'currentPassword', '当前密码不正确'],
    ['no current password', input(''), 'VALIDATION_FAILED', 'currentPassword', '请输入当前密码'],
    ['a weak new password', input(OLD, 'short1'), 'WEAK_PASSWORD', 'newPassword', '密码至少 10 位'],
    ['a new password of digits only', input(OLD, '1234567890123'), 'WEAK_PASSWORD', 'newPassword', '密码须包含字母、数字、符号中的至少两类'],
    ['the same password again', input(OLD, OLD), 'VALIDATION_FAILED', 'newPassword', '新密码不能与当前密码相同'],
    ['a confirmation that differs', input(OLD, NEW, `${NEW}x`), 'VALIDATION_FAILED', 'confirmPassword', '两次输入的新密码不一致'],
  ])('refuses %s, on its field, and changes nothing', async (_label, body, code, field, message) => {
    const { phone, actor, token } = await account('bidder', true);
    const audits = await auditCount();
    const error = await expectRefusal(changeOwnPassword(f.db, actor, body));
    expect(error).toMatchObject({ code, fieldErrors: { [field]: message } });
    expect(await actorForSession(f.db, token)).not.toBeNull();
    expect(await authenticate(f.db, { phone, password: OLD }, '198.51.100.31')).toMatchObject({ mustChangePassword: true });
    expect(await auditCount()).toBe(audits);
  });

  it(`holds back an account after ${WRONG_CURRENT_PASSWORD_LIMIT} wrong current passwords, even the right one, until the window ends`, async () => {
    const { actor } = await account();
    for (let i = 0; i < WRONG_CURRENT_PASSWORD_LIMIT; i++) {
      expect((await expectRefusal(changeOwnPassword(f.db, actor, input(`Wrong-password-${i}`)))).fieldErrors?.currentPassword).toBe('当前密码不正确');
    }
    const held = await expectRefusal(changeOwnPassword(f.db, actor, input(OLD)));
    expect(held).toMatchObject({ code: 'RATE_LIMITED', message: '当前密码错误次数过多，请 15 分钟后再试' });
    // Another account is not held back by it.
    const other = await account();
    await changeOwnPassword(f.db, other.actor, input(OLD));
  });

  it('counts only wrong passwords: the right one after fewer than the limit passes, and does not count itself', async () => {
    const { actor } = await account();
    for (let i = 0; i < WRONG_CURRENT_PASSWORD_LIMIT - 1; i++) await expectRefusal(changeOwnPassword(f.db, actor, input(`Wrong-password-${i}`)));
    await changeOwnPassword(f.db, actor, input(OLD));
    await changeOwnPassword(f.db, actor, input(NEW, 'Third-password-3'));
    // Four wrong ones are still counted: the fifth is refused as wrong, the next attempt is held back.
    await expectRefusal(changeOwnPassword(f.db, actor, input('Wrong-password-x', 'Fourth-password-4')));
    expect((await expectRefusal(changeOwnPassword(f.db, actor, input('Third-password-3', 'Fourth-password-4')))).code).toBe('RATE_LIMITED');
  });
});
