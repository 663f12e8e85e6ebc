import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@/testing/test-database';
import { useTestDatabase } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { MOBILE_CODE_RULES } from './mobile-code-rules';
import { sendMobileCode } from './send-mobile-code';
import { freshPhone, lastSentCode, wrongCode } from './testing/sent-codes';
import { withConfirmedMobile } from './with-confirmed-mobile';

const ADDRESS = '198.51.100.20';
const MINUTE = 60_000;

describe.each(testDatabaseKinds)('mobile codes on %s', (kind) => {
  const t = useTestDatabase(kind);
  const clock = useFixedClock();

  const send = (phone: string, address = ADDRESS) => sendMobileCode(t.db, { phone, purpose: 'register', clientAddress: address });
  const confirm = (phone: string, code: string) => withConfirmedMobile(t.db, { phone, purpose: 'register', code }, async () => 'done');
  const codeRow = (phone: string) => t.db.selectFrom('mobile_codes').selectAll().where('phone', '=', phone).orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();

  it('sends 6 random digits by SMS and keeps only a keyed hash of them', async () => {
    const phone = freshPhone();
    expect(await send(phone)).toEqual({ resendAfterSeconds: 60, validForMinutes: 10 });
    const code = await lastSentCode(t.db, phone);
    expect(code).toMatch(/^\d{6}$/);
    const row = await codeRow(phone);
    expect(row.code_hash).not.toContain(code);
    expect(row.code_hash).toMatch(/^[\w-]{43}$/);
    expect(row).toMatchObject({ purpose: 'register', attempts: 0, consumed_at: null });
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBe(10 * MINUTE);
    const sms = await t.db.selectFrom('sms_messages').selectAll().where('phone', '=', phone).executeTakeFirstOrThrow();
    expect(sms).toMatchObject({ purpose: 'register', provider: 'embedded' });
    expect(sms.body).toContain('用于企业注册，10 分钟内有效');
  });

  it('draws codes from the whole range (not one code for everyone)', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const phone = freshPhone();
      await send(phone, `198.51.100.${100 + i}`);
      codes.add(await lastSentCode(t.db, phone));
    }
    expect(codes.size).toBeGreaterThan(4);
  });

  it('confirms the right code once: a second use is refused', async () => {
    const phone = freshPhone();
    await send(phone);
    const code = await lastSentCode(t.db, phone);
    expect(await confirm(phone, code)).toBe('done');
    expect((await codeRow(phone)).consumed_at).toEqual(clock.now());
    const again = await expectRefusal(confirm(phone, code));
    expect([again.code, again.message]).toEqual(['MOBILE_CODE_MISSING', '该验证码已使用，请重新获取']);
  });

  it('refuses a number that was sent no code', async () => {
    const refused = await expectRefusal(confirm(freshPhone(), '123456'));
    expect([refused.code, refused.message, refused.fieldErrors]).toEqual(['MOBILE_CODE_MISSING', '请先获取短信验证码', { code: '请先获取短信验证码' }]);
  });

  it('is valid for 10 minutes, then refused as expired', async () => {
    const phone = freshPhone();
    await send(phone);
    const code = await lastSentCode(t.db, phone);
    clock.advance(10 * MINUTE);
    const expired = await expectRefusal(confirm(phone, code));
    expect([expired.code, expired.message]).toEqual(['MOBILE_CODE_EXPIRED', '验证码已过期（有效期 10 分钟），请重新获取']);
    expect(expired.status).toBe(422);

    const other = freshPhone();
    await send(other);
    clock.advance(10 * MINUTE - 1000);
    expect(await confirm(other, await lastSentCode(t.db, other))).toBe('done');
  });

  it('counts wrong codes, says how many tries are left, and is dead after the fifth', async () => {
    const phone = freshPhone();
    await send(phone);
    const code = await lastSentCode(t.db, phone);
    const messages: string[] = [];
    for (let i = 0; i < MOBILE_CODE_RULES.maxWrongAttempts; i++) {
      const wrong = await expectRefusal(confirm(phone, wrongCode(code)));
      expect(wrong.code).toBe('MOBILE_CODE_WRONG');
      messages.push(wrong.message);
    }
    expect(messages).toEqual(['验证码错误，还可尝试 4 次', '验证码错误，还可尝试 3 次', '验证码错误，还可尝试 2 次', '验证码错误，还可尝试 1 次', '验证码错误，该验证码已失效，请重新获取']);
    expect((await codeRow(phone)).attempts).toBe(5);
    const dead = await expectRefusal(confirm(phone, code));
    expect([dead.code, dead.message]).toEqual(['MOBILE_CODE_EXHAUSTED', '验证码错误次数过多，已失效，请重新获取']);
    expect((await codeRow(phone)).consumed_at).toBeNull();

    // A new code (a minute later) starts over.
    clock.advance(MINUTE);
    await send(phone);
    expect(await confirm(phone, await lastSentCode(t.db, phone))).toBe('done');
  });

  it('lets only the latest code be used once a new one is sent', async () => {
    const phone = freshPhone();
    await send(phone);
    const first = await lastSentCode(t.db, phone);
    clock.advance(MINUTE);
    await send(phone);
    const second = await lastSentCode(t.db, phone);
    if (first !== second) expect((await expectRefusal(confirm(phone, first))).code).toBe('MOBILE_CODE_WRONG');
    expect(await confirm(phone, second)).toBe('done');
  });

  it('keeps the code usable when the change it confirms fails', async () => {
    const phone = freshPhone();
    await send(phone);
    const code = await lastSentCode(t.db, phone);
    const failing = withConfirmedMobile(t.db, { phone, purpose: 'register', code }, async () => {
      throw new Error('the change failed');
    });
    await expect(failing).rejects.toThrow('the change failed');
    expect((await codeRow(phone)).consumed_at).toBeNull();
    expect(await confirm(phone, code)).toBe('done');
  });

  it('sends again to the same number and purpose only after a minute, and two at once send one', async () => {
    const phone = freshPhone();
    const both = await Promise.allSettled([send(phone), send(phone)]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    clock.advance(59_000);
    const soon = await expectRefusal(send(phone));
    expect([soon.code, soon.message, soon.status]).toEqual(['RATE_LIMITED', '验证码已发送，请 1 秒后再重新获取', 429]);
    clock.advance(1000);
    await send(phone);
    expect(await t.db.selectFrom('mobile_codes').select('id').where('phone', '=', phone).execute()).toHaveLength(2);
    // Another purpose has its own minute.
    await sendMobileCode(t.db, { phone, purpose: 'reset_password', clientAddress: ADDRESS });
  });

  it('sends a number at most 10 codes a day, and an address at most 30', async () => {
    const phone = freshPhone();
    clock.set('2026-11-25T00:00:00Z');
    for (let i = 0; i < MOBILE_CODE_RULES.perPhonePerDay; i++) {
      await send(phone, `203.0.113.${i + 1}`);
      clock.advance(MINUTE);
    }
    const capped = await expectRefusal(send(phone, '203.0.113.200'));
    expect([capped.code, capped.message]).toEqual(['RATE_LIMITED', '该手机号今日获取验证码次数已达上限（10 次），请明天再试']);
    const sent = await t.db.selectFrom('sms_messages').select('id').where('phone', '=', phone).execute();
    expect(sent).toHaveLength(10);
    clock.set('2026-11-26T00:00:01Z');
    await send(phone, '203.0.113.200');

    clock.set('2026-11-27T00:00:00Z');
    for (let i = 0; i < MOBILE_CODE_RULES.perAddressPerDay; i++) await send(freshPhone(), '192.0.2.9');
    const crowded = await expectRefusal(send(freshPhone(), '192.0.2.9'));
    expect([crowded.code, crowded.message]).toEqual(['RATE_LIMITED', '获取验证码过于频繁，请明天再试']);
    // An IPv6 client is counted by its /64, however it varies the rest.
    for (let i = 0; i < MOBILE_CODE_RULES.perAddressPerDay; i++) await send(freshPhone(), `2001:db8:1:2::${(i + 1).toString(16)}`);
    expect((await expectRefusal(send(freshPhone(), '2001:db8:1:2:ffff::1'))).code).toBe('RATE_LIMITED');
  });
});
