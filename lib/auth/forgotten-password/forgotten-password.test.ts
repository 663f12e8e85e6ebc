import { beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { authenticate } from '../authenticate';
import { loadActor } from '../load-actor';
import { freshAddress, freshPhone, lastSentCode, wrongCode } from '../mobile-codes/testing/sent-codes';
import { hashPassword } from '../password';
import { RESET_CODE_SENT, requestPasswordResetCode } from './request-password-reset-code';
import { resetForgottenPassword } from './reset-forgotten-password';

const NEW_PASSWORD = 'Bogda-Peak-5445';

describe.each(testDatabaseKinds)('忘记密码 on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();
  beforeAll(() => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
  });

  /** A bidder of its own (the demo accounts' passwords stay as other tests expect them), who must change its password. */
  async function account() {
    const phone = freshPhone();
    const user = await f.db
      .insertInto('users')
      .values({ phone, display_name: '测试投标人', password_hash: await hashPassword('Old-password-1'), role: 'bidder', enterprise_id: f.actors.bidder.enterpriseId, must_change_password: true })
      .returning(['id', 'session_version'])
      .executeTakeFirstOrThrow();
    return { phone, ...user };
  }

  it('sets a new password with the code sent to the number: clears must-change, ends the old sessions, audited', async () => {
    const { phone, id, session_version } = await account();
    const address = freshAddress();
    expect(await requestPasswordResetCode(f.db, { phone }, address)).toEqual({ resendAfterSeconds: 60, validForMinutes: 10, message: RESET_CODE_SENT });
    const code = await lastSentCode(f.db, phone);
    const sms = await f.db.selectFrom('sms_messages').selectAll().where('phone', '=', phone).executeTakeFirstOrThrow();
    expect(sms).toMatchObject({ purpose: 'reset_password', provider: 'embedded' });
    expect(sms.body).toContain('用于找回密码');
    expect(await loadActor(f.db, { userId: id, sessionVersion: session_version })).not.toBeNull();

    await resetForgottenPassword(f.db, { phone, code, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });

    const user = await f.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ must_change_password: false, session_version: session_version + 1 });
    expect(await loadActor(f.db, { userId: id, sessionVersion: session_version })).toBeNull();
    expect(await authenticate(f.db, { phone, password: 'Old-password-1' }, address)).toBeNull();
    expect(await authenticate(f.db, { phone, password: NEW_PASSWORD }, address)).toMatchObject({ userId: id, sessionVersion: session_version + 1 });
    const event = await f.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'user.recover_password', entity_type: 'user', entity_id: id, actor_id: id, reason: '通过短信验证码重设密码（忘记密码）' });
    expect(JSON.stringify(event)).not.toContain(NEW_PASSWORD);
    expect((await verifyAuditChain(f.db)).ok).toBe(true);

    // The code is used up.
    const again = await expectRefusal(resetForgottenPassword(f.db, { phone, code, password: 'Another-pass-1', confirmPassword: 'Another-pass-1' }));
    expect(again.code).toBe('MOBILE_CODE_MISSING');
  });

  it('answers a number without an account exactly as one with, sends it nothing, and refuses its reset as a wrong code', async () => {
    const stranger = freshPhone();
    const address = freshAddress();
    const known = await account();
    const answerKnown = await requestPasswordResetCode(f.db, { phone: known.phone }, address);
    const answerStranger = await requestPasswordResetCode(f.db, { phone: stranger }, address);
    expect(answerStranger).toEqual(answerKnown);
    expect(await f.db.selectFrom('sms_messages').select('id').where('phone', '=', stranger).execute()).toEqual([]);
    // The same limits apply: asking again at once is refused for both alike.
    const soonKnown = await expectRefusal(requestPasswordResetCode(f.db, { phone: known.phone }, address));
    const soonStranger = await expectRefusal(requestPasswordResetCode(f.db, { phone: stranger }, address));
    expect([soonStranger.code, soonStranger.message]).toEqual([soonKnown.code, soonKnown.message]);

    const strangerTry = await expectRefusal(resetForgottenPassword(f.db, { phone: stranger, code: '000000', password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }));
    const knownTry = await expectRefusal(
      resetForgottenPassword(f.db, { phone: known.phone, code: wrongCode(await lastSentCode(f.db, known.phone)), password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );
    expect([strangerTry.code, strangerTry.message]).toEqual([knownTry.code, knownTry.message]);
    expect(strangerTry.code).toBe('MOBILE_CODE_WRONG');
  });

  it('treats a deactivated account as none: no text is sent to it', async () => {
    const { phone, id } = await account();
    await f.db.updateTable('users').set({ active: false }).where('id', '=', id).execute();
    await requestPasswordResetCode(f.db, { phone }, freshAddress());
    expect(await f.db.selectFrom('sms_messages').select('id').where('phone', '=', phone).execute()).toEqual([]);
  });

  it('refuses a weak or mismatched new password before the code is tried, changing nothing', async () => {
    const { phone, id } = await account();
    await requestPasswordResetCode(f.db, { phone }, freshAddress());
    const code = await lastSentCode(f.db, phone);
    const before = await f.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const weak = await expectRefusal(resetForgottenPassword(f.db, { phone, code, password: '1234567890', confirmPassword: '1234567890' }));
    expect([weak.code, weak.fieldErrors]).toEqual(['VALIDATION_FAILED', { password: '密码须包含字母、数字、符号中的至少两类' }]);
    const mismatch = await expectRefusal(resetForgottenPassword(f.db, { phone, code, password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}x` }));
    expect(mismatch.fieldErrors).toEqual({ confirmPassword: '两次输入的密码不一致' });
    const odd = await expectRefusal(resetForgottenPassword(f.db, { phone, code, password: `${NEW_PASSWORD}\ud800`, confirmPassword: `${NEW_PASSWORD}\ud800` }));
    expect([odd.code, Object.values(odd.fieldErrors ?? {})]).toEqual(['VALIDATION_FAILED', ['包含无法识别的字符（不成对的代理项）']]);
    expect(await f.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toEqual(before);
    expect((await f.db.selectFrom('mobile_codes').select('attempts').where('phone', '=', phone).executeTakeFirstOrThrow()).attempts).toBe(0);
  });

  it('refuses an expired code and one guessed wrong too often, changing nothing', async () => {
    const { phone, id } = await account();
    await requestPasswordResetCode(f.db, { phone }, freshAddress());
    const code = await lastSentCode(f.db, phone);
    const before = await f.db.selectFrom('users').select(['password_hash', 'session_version']).where('id', '=', id).executeTakeFirstOrThrow();
    for (let i = 0; i < 5; i++) await expectRefusal(resetForgottenPassword(f.db, { phone, code: wrongCode(code), password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }));
    expect((await expectRefusal(resetForgottenPassword(f.db, { phone, code, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }))).code).toBe('MOBILE_CODE_EXHAUSTED');

    clock.advance(60_000);
    await requestPasswordResetCode(f.db, { phone }, freshAddress());
    const fresh = await lastSentCode(f.db, phone);
    clock.advance(11 * 60_000);
    expect((await expectRefusal(resetForgottenPassword(f.db, { phone, code: fresh, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }))).code).toBe('MOBILE_CODE_EXPIRED');
    expect(await f.db.selectFrom('users').select(['password_hash', 'session_version']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual(before);
  });
});
