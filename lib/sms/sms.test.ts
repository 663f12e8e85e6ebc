import { beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabaseKinds } from '@/testing/test-database';
import { useTestDatabase } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { configuredSmsProvider } from './configured-sms-provider';
import { embeddedSmsProvider } from './embedded-sms-provider';
import { sendSms } from './send-sms';
import type { SmsProvider } from './sms-provider';

describe('the SMS provider a process uses (SMS_PROVIDER)', () => {
  it.each([[{}], [{ SMS_PROVIDER: '' }], [{ SMS_PROVIDER: ' embedded ' }]])('is the embedded one for %j', (env) => {
    expect(configuredSmsProvider(env)).toBe(embeddedSmsProvider);
  });

  it.each(['aliyun', 'Embedded', 'log'])('refuses SMS_PROVIDER=%s, saying what is allowed', (value) => {
    expect(() => configuredSmsProvider({ SMS_PROVIDER: value })).toThrow(`SMS_PROVIDER="${value}" 不是可用的短信服务；可选值：embedded`);
  });
});

describe.each(testDatabaseKinds)('sending a text message on %s', (kind) => {
  const t = useTestDatabase(kind);
  const clock = useFixedClock();
  const info = vi.spyOn(console, 'info');
  beforeAll(() => {
    info.mockImplementation(() => {});
  });
  const logged = (phone: string) => t.db.selectFrom('sms_messages').selectAll().where('phone', '=', phone).execute();

  it('with no provider configured, writes the message to the server log and, whole, to the SMS log', async () => {
    info.mockClear();
    await sendSms(t.db, { phone: '13800000001', purpose: 'register', body: '验证码 123456', secret: '123456' }, embeddedSmsProvider);
    expect(info).toHaveBeenCalledWith(expect.stringContaining('13800000001 验证码 123456'));
    expect(await logged('13800000001')).toEqual([
      { id: expect.any(Number), phone: '13800000001', purpose: 'register', body: '验证码 123456', provider: 'embedded', sent_at: clock.now() },
    ]);
  });

  it('through a real provider, logs the message with its code masked', async () => {
    const sent: [string, string][] = [];
    const carrier: SmsProvider = { name: 'carrier', send: async (phone, body) => void sent.push([phone, body]) };
    await sendSms(t.db, { phone: '13800000002', purpose: 'reset_password', body: '验证码 654321，10 分钟内有效', secret: '654321' }, carrier);
    expect(sent).toEqual([['13800000002', '验证码 654321，10 分钟内有效']]);
    expect(await logged('13800000002')).toMatchObject([{ body: '验证码 ******，10 分钟内有效', provider: 'carrier' }]);
  });

  it('refuses with SMS_UNAVAILABLE and logs nothing when the provider does not take the message', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const down: SmsProvider = { name: 'down', send: () => Promise.reject(new Error('connect ECONNREFUSED')) };
    const refused = await expectRefusal(sendSms(t.db, { phone: '13800000003', purpose: 'register', body: 'x' }, down));
    expect([refused.code, refused.message, refused.status]).toEqual(['SMS_UNAVAILABLE', '短信发送失败，请稍后重试', 503]);
    expect(await logged('13800000003')).toEqual([]);
    errors.mockRestore();
  });
});
