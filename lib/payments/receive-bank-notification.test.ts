import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoFixture, SEEDED_AT, type DemoFixture } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { fixedClock, useClock } from '@/lib/time/clock';
import { signBankNotification } from './bank-signature';
import { receiveBankNotification } from './receive-bank-notification';

const SECRET = 'demo-bank-secret';

describe.each(testDatabaseKinds)('the bank notification endpoint on %s', (kind) => {
  let f: DemoFixture;
  let restore: () => void;
  const clock = fixedClock(SEEDED_AT);
  beforeAll(async () => {
    f = await openDemoFixture(kind);
    restore = useClock(clock);
  });
  afterAll(async () => {
    restore();
    await f?.close();
  });

  const body = (transactionId: string) =>
    JSON.stringify({ transactionId, amountFen: 120000, payerName: '某公司', payerAccount: '6222020200112233445', payerKind: 'enterprise', remark: 'NOCODE', bankTime: '2026-11-24T09:59:00+08:00' });
  const signed = (text: string, at = clock.now()) => {
    const timestamp = String(Math.floor(at.getTime() / 1000));
    return { bankCode: 'demo', secret: SECRET, timestamp, signature: signBankNotification(SECRET, timestamp, text), body: text };
  };
  const transfers = async () => (await f.db.selectFrom('bank_transfers').select('id').execute()).length;

  it('records a correctly signed notification', async () => {
    const result = await receiveBankNotification(f.db, signed(body('N-1')));
    expect(result).toMatchObject({ status: 'unmatched', replayed: false });
    expect(await transfers()).toBe(1);
  });

  it('treats the same transaction sent again (freshly signed) as already recorded', async () => {
    const result = await receiveBankNotification(f.db, signed(body('N-1')));
    expect(result.replayed).toBe(true);
    expect(await transfers()).toBe(1);
  });

  it.each([
    ['a forged signature', () => ({ ...signed(body('N-2')), signature: signBankNotification('guessed', signed(body('N-2')).timestamp, body('N-2')) })],
    ['a body changed after signing', () => ({ ...signed(body('N-3')), body: body('N-3').replace('120000', '1') })],
    ['a notification replayed ten minutes later', () => signed(body('N-4'), new Date(SEEDED_AT.getTime() - 10 * 60 * 1000))],
    ['an unknown bank', () => ({ ...signed(body('N-5')), secret: undefined })],
  ])('refuses %s and writes nothing', async (_label, request) => {
    const error = await expectRefusal(receiveBankNotification(f.db, request()));
    expect(error).toMatchObject({ code: 'BAD_SIGNATURE', status: 401 });
    expect(await transfers()).toBe(1);
  });

  it('refuses a signed notification with invalid content field by field', async () => {
    const text = JSON.stringify({ transactionId: 'N-6', amountFen: 1.5, payerName: '某公司', payerAccount: 'abc', payerKind: 'robot', bankTime: 'yesterday' });
    const error = await expectRefusal(receiveBankNotification(f.db, signed(text)));
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['amountFen', 'bankTime', 'payerAccount', 'payerKind']);
    expect(await transfers()).toBe(1);
  });
});
