import { describe, expect, it, vi } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import type { Actor } from '@/lib/auth/actor';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { listRecords } from '@/lib/back-office/list-records';
import { runCommand } from '@/lib/back-office/run-command';
import { unpaidOrder } from '@/lib/orders/testing/test-orders';
import { signBankNotification } from './bank-signature';
import { startBankNotificationProcessor, stopBankNotificationProcessor } from './bank-notifications/bank-notification-processor';
import { bankNotificationResource, type BankNotificationRecord } from './bank-notifications/bank-notification-resource';
import { notificationRetryDelayMs, processDueBankNotifications } from './bank-notifications/process-bank-notifications';
import { receiveBankNotification } from './receive-bank-notification';

const SECRET = 'demo-bank-secret';

describe.each(testDatabaseKinds)('the bank notification endpoint on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();

  const body = (transactionId: string) =>
    JSON.stringify({ transactionId, amountFen: 120000, payerName: '某公司', payerAccount: '6222020200112233445', payerKind: 'enterprise', remark: 'NOCODE', bankTime: '2026-11-24T09:59:00+08:00' });
  const signed = (text: string, at = clock.now()) => {
    const timestamp = String(Math.floor(at.getTime() / 1000));
    return { bankCode: 'demo', secret: SECRET, timestamp, signature: signBankNotification(SECRET, timestamp, text), body: text };
  };
  const transfers = async () => (await f.db.selectFrom('bank_transfers').select('id').execute()).length;
  const notifications = async () => (await f.db.selectFrom('bank_notifications').select('id').execute()).length;

  it('acknowledges a correctly signed notification once it is stored; the processor then records the transfer', async () => {
    const result = await receiveBankNotification(f.db, signed(body('N-1')));
    expect(result).toMatchObject({ status: 'received', transferId: null, replayed: false });
    expect(await transfers()).toBe(0);
    const stored = await f.db.selectFrom('bank_notifications').selectAll().where('id', '=', result.notificationId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ bank_code: 'demo', transaction_id: 'N-1', body: body('N-1'), status: 'pending' });

    expect(await processDueBankNotifications(f.db)).toEqual({ recorded: 1, failed: 0 });
    expect(await transfers()).toBe(1);
    const done = await f.db.selectFrom('bank_notifications').selectAll().where('id', '=', result.notificationId).executeTakeFirstOrThrow();
    expect(done).toMatchObject({ status: 'done', attempts: 1, last_error: null });
    expect(done.transfer_id).not.toBeNull();
  });

  it('treats the same transaction sent again (freshly signed) as already received, and says what became of it', async () => {
    clock.advance(1000);
    const result = await receiveBankNotification(f.db, signed(body('N-1')));
    expect(result).toMatchObject({ status: 'unmatched', replayed: true, orderId: null });
    expect(result.transferId).not.toBeNull();
    expect(await transfers()).toBe(1);
    expect(await notifications()).toBe(1);
    expect(await processDueBankNotifications(f.db)).toEqual({ recorded: 0, failed: 0 });
  });

  it('answers a retry that comes before the transfer is recorded as received, and stores it once', async () => {
    const first = await receiveBankNotification(f.db, signed(body('N-10')));
    const retry = await receiveBankNotification(f.db, signed(body('N-10')));
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await processDueBankNotifications(f.db)).toEqual({ recorded: 1, failed: 0 });
  });

  it('insures the order its remark names once the processor has run, exactly once however many workers run', async () => {
    const order = await unpaidOrder(f, 'WLMQ-JS-2026-0158');
    const enterprise = await f.db.selectFrom('enterprises').selectAll().where('id', '=', f.actors.bidder.enterpriseId!).executeTakeFirstOrThrow();
    const paid = JSON.stringify({
      transactionId: 'N-PAY-1', amountFen: order.premiumFen, payerName: enterprise.name, payerAccount: enterprise.basic_account_number,
      payerKind: 'enterprise', remark: order.remarkCode, bankTime: clock.now().toISOString(),
    });
    const acknowledged = await receiveBankNotification(f.db, signed(paid));
    expect(acknowledged.status).toBe('received');
    const status = () => f.db.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(await status()).toEqual({ status: 'pending_payment' });
    const rounds = await Promise.all([processDueBankNotifications(f.db, { workers: 3 }), processDueBankNotifications(f.db, { workers: 3 })]);
    expect(rounds.reduce((sum, round) => sum + round.recorded, 0)).toBe(1);
    expect(await status()).toEqual({ status: 'issued' });
    expect(await receiveBankNotification(f.db, signed(paid))).toMatchObject({ status: 'matched', orderId: order.id, replayed: true });
    const policies = await f.db.selectFrom('policies').select('id').where('order_id', '=', order.id).execute();
    expect(policies).toHaveLength(1);
  });

  it('is recorded by the running processor moments after it is acknowledged, without waiting for the idle poll', async () => {
    startBankNotificationProcessor(async () => f.db);
    try {
      // The idle poll is 1 s: recorded well before it means the acknowledgement's nudge woke the processor.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const acknowledged = await receiveBankNotification(f.db, signed(body('N-LIVE')));
      expect(acknowledged.status).toBe('received');
      const deadline = Date.now() + 800;
      let status = 'received';
      while (status === 'received' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = (await receiveBankNotification(f.db, signed(body('N-LIVE')))).status;
      }
      expect(status).toBe('unmatched');
    } finally {
      await stopBankNotificationProcessor();
    }
  });

  it('keeps a notification that cannot be recorded, says why, and tries again later', async () => {
    // A notification stored before a stricter rule for its content came in: it fails every time it is recorded.
    const at = clock.now();
    await f.db.insertInto('bank_notifications').values({
      bank_code: 'demo', transaction_id: 'N-OLD', body: JSON.stringify({ transactionId: 'N-OLD', amountFen: 0 }), signature: 'ab', signed_at: at,
      received_at: at, status: 'pending', run_after: at,
    }).execute();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const round = await processDueBankNotifications(f.db).finally(() => errors.mockRestore());
    expect(round).toEqual({ recorded: 0, failed: 1 });
    const failed = await f.db.selectFrom('bank_notifications').selectAll().where('transaction_id', '=', 'N-OLD').executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed.last_error).toContain('转账金额');
    expect(new Date(failed.run_after).getTime()).toBe(at.getTime() + notificationRetryDelayMs(1));
    expect(await processDueBankNotifications(f.db)).toEqual({ recorded: 0, failed: 0 });

    // Operators of every region see it (a notification belongs to no region before it is matched), and why.
    const page = { filter: { state: 'retrying' }, sort: { field: 'received_at', order: 'asc' as const }, limit: 25, offset: 0 };
    for (const actor of [f.actors.operator, f.actors.otherOperator, f.actors.compliance, f.actors.platformAdmin]) {
      const listed = (await listRecords(f.db, actor, bankNotificationResource, page)).rows as BankNotificationRecord[];
      expect(listed.map((r) => [r.transaction_id, r.state, r.attempts])).toEqual([['N-OLD', 'retrying', 1]]);
    }
    expect((await listRecords(f.db, f.actors.operator, bankNotificationResource, { ...page, filter: { state: 'open', q: 'OLD' } })).total).toBe(1);
    expect((await listRecords(f.db, f.actors.operator, bankNotificationResource, { ...page, filter: { state: 'open', q: 'N-1' } })).total).toBe(0);
    const retryNow = (actor: Actor, body: object = {}) => runCommand(f.db, actor, bankNotificationResource, failed.id, 'retryNow', { body });
    expect((await expectRefusal(retryNow(f.actors.compliance))).code).toBe('READ_ONLY_ROLE');

    // Its cause removed, an operator has it tried at once rather than at its next attempt.
    await f.db.updateTable('bank_notifications').set({ body: body('N-OLD') }).where('id', '=', failed.id).execute();
    const retried = (await retryNow(f.actors.otherOperator, { reason: '已更正' })) as BankNotificationRecord;
    expect(retried.run_after).toEqual(clock.now());
    expect(await processDueBankNotifications(f.db)).toEqual({ recorded: 1, failed: 0 });
    expect((await expectRefusal(retryNow(f.actors.operator))).code).toBe('CONFLICT');
    const audit = await f.db.selectFrom('audit_events').select(['entity_id', 'reason']).where('action', '=', 'bank_notification.update').execute();
    expect(audit).toEqual([{ entity_id: failed.id, reason: '已更正' }]);
    expect(await f.db.selectFrom('bank_notifications').select(['status', 'attempts', 'last_error']).where('id', '=', failed.id).executeTakeFirstOrThrow()).toEqual({ status: 'done', attempts: 2, last_error: null });
    expect(notificationRetryDelayMs(2)).toBe(15_000);
    expect(notificationRetryDelayMs(20)).toBe(30 * 60_000);
  });

  it.each([
    ['a forged signature', () => ({ ...signed(body('N-2')), signature: signBankNotification('guessed', signed(body('N-2')).timestamp, body('N-2')) })],
    ['a body changed after signing', () => ({ ...signed(body('N-3')), body: body('N-3').replace('120000', '1') })],
    ['a notification replayed ten minutes later', () => signed(body('N-4'), new Date(SEEDED_AT.getTime() - 10 * 60 * 1000))],
    ['an unknown bank', () => ({ ...signed(body('N-5')), secret: undefined })],
  ])('refuses %s and writes nothing', async (_label, request) => {
    const before = await notifications();
    const error = await expectRefusal(receiveBankNotification(f.db, request()));
    expect(error).toMatchObject({ code: 'BAD_SIGNATURE', status: 401 });
    expect(await notifications()).toBe(before);
  });

  it('refuses a signed notification with invalid content field by field', async () => {
    const before = await notifications();
    const text = JSON.stringify({ transactionId: 'N-6', amountFen: 1.5, payerName: '某公司', payerAccount: 'abc', payerKind: 'robot', bankTime: 'yesterday' });
    const error = await expectRefusal(receiveBankNotification(f.db, signed(text)));
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['amountFen', 'bankTime', 'payerAccount', 'payerKind']);
    expect(await notifications()).toBe(before);
  });
});
