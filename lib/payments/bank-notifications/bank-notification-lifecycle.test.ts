import type { Kysely, Transaction } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import type { Database } from '@/db/database';
import { listRecords } from '@/lib/back-office/list-records';
import type { RetryQueueState, RetryQueueStatus } from '@/lib/back-office/retry-queue';
import { runCommand } from '@/lib/back-office/run-command';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { refusalOf, TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { everyStateAndAction, tableOf } from '@/lib/lifecycle/testing/lifecycle-table';
import { rolledBack } from '@/lib/lifecycle/testing/rolled-back';
import { transition } from '@/lib/lifecycle/transition';
import { bankNotificationActions, bankNotificationLifecycle } from './bank-notification-lifecycle';
import { bankNotificationResource, type BankNotificationRecord } from './bank-notification-resource';

const EXPECTED = {
  pending: { complete: 'done', recordFailure: '=', retryNow: '=' },
  done: {},
} as const;

describe('the bank notification lifecycle', () => {
  it('is done once; until then failures are written on it and it may be tried again at once', () => {
    expect(tableOf(bankNotificationLifecycle)).toEqual(EXPECTED);
    expect(refusalOf(bankNotificationLifecycle, 'retryNow', 'done').message).toBe('该银行通知已入账，无需重试');
  });
});

describe.each(testDatabaseKinds)('bank notifications through the lifecycle kernel on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  let txn = 0;

  /** A stored notification, as the endpoint stores one; `failed` as if its first attempt had failed. */
  const insertNotification = async (failed = false) => {
    const transactionId = `LC-N-${kind}-${++txn}`;
    const { id } = await f.db
      .insertInto('bank_notifications')
      .values({
        bank_code: 'demo', transaction_id: transactionId, body: JSON.stringify({ transactionId }), signature: 'ab', signed_at: SEEDED_AT,
        received_at: SEEDED_AT, status: 'pending', run_after: SEEDED_AT, ...(failed ? { attempts: 1, last_error: '转账金额无效' } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  };
  const read = (db: Kysely<Database> | Transaction<Database>, id: string) => db.selectFrom('bank_notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it.each(everyStateAndAction(bankNotificationLifecycle))('from %s, %s goes where the table says or is refused and changes nothing', async (state, action) => {
    const id = await insertNotification();
    const expected = (EXPECTED[state] as Record<string, string | undefined>)[action];
    const outcome = await rolledBack(f.db, async (trx) => {
      await trx.updateTable('bank_notifications').set({ status: state }).where('id', '=', id).execute();
      const before = await read(trx, id);
      try {
        const changed = await transition(trx, 'bank_notifications', bankNotificationLifecycle, { id, action, set: { last_attempt_at: SEEDED_AT } });
        return { status: changed.status, from: changed.from_status };
      } catch (error) {
        return { error, unchanged: JSON.stringify(await read(trx, id)) === JSON.stringify(before) };
      }
    });
    if (expected === undefined) {
      expect(outcome).toMatchObject({ unchanged: true, error: { code: 'CONFLICT', current: state, action } });
      expect((outcome as { error: unknown }).error).toBeInstanceOf(TransitionRefused);
    } else {
      expect(outcome).toEqual({ status: expected === '=' ? state : expected, from: state });
    }
    expect((await read(f.db, id)).status).toBe('pending');
  });

  it('offers 立即重试 on a failing notification to every operator (a notification has no region) and the platform, not to compliance', () => {
    const { operator, otherOperator, compliance, platformAdmin, bidder } = f.actors;
    const offered = (status: RetryQueueStatus, state: RetryQueueState) =>
      [operator, otherOperator, compliance, platformAdmin, bidder].map((actor) => bankNotificationActions({ status, state }, actor));
    expect(offered('pending', 'retrying')).toEqual([['retryNow'], ['retryNow'], [], ['retryNow'], []]);
    // Not tried yet, it is due anyway; done, there is nothing to retry.
    expect(offered('pending', 'pending')).toEqual([[], [], [], [], []]);
    expect(offered('done', 'done')).toEqual([[], [], [], [], []]);
  });

  it('lists a failing notification with 立即重试 offered, and retries it by command', async () => {
    const id = await insertNotification(true);
    const fresh = await insertNotification();
    const page = { sort: { field: 'received_at', order: 'asc' as const }, offset: 0, limit: 50, filter: { id: [id, fresh] } };
    const listed = (await listRecords(f.db, f.actors.otherOperator, bankNotificationResource, page)).rows as (BankNotificationRecord & { allowed_actions: string[] })[];
    expect(Object.fromEntries(listed.map((r) => [r.id, [r.state, r.allowed_actions]]))).toEqual({ [id]: ['retrying', ['retryNow']], [fresh]: ['pending', []] });

    expect((await expectRefusal(runCommand(f.db, f.actors.operator, bankNotificationResource, id, 'complete', { body: {} }))).code).toBe('NOT_FOUND');
    expect((await expectRefusal(runCommand(f.db, f.actors.compliance, bankNotificationResource, id, 'retryNow', { body: {} }))).code).toBe('READ_ONLY_ROLE');
    for (const body of [[], 'x', 42, { reason: {} }]) {
      expect((await expectRefusal(runCommand(f.db, f.actors.operator, bankNotificationResource, id, 'retryNow', { body }))).code).toBe('VALIDATION_FAILED');
    }
    const later = new Date(SEEDED_AT.getTime() + 60_000);
    await f.db.updateTable('bank_notifications').set({ run_after: later }).where('id', '=', id).execute();
    const retried = await runCommand(f.db, f.actors.operator, bankNotificationResource, id, 'retryNow', { body: { reason: '已排除原因' } });
    expect(retried).toMatchObject({ id, status: 'pending', state: 'retrying', run_after: SEEDED_AT, allowed_actions: ['retryNow'] });
    const audit = await f.db.selectFrom('audit_events').select(['action', 'reason']).where('entity_id', '=', id).execute();
    expect(audit).toEqual([{ action: 'bank_notification.update', reason: '已排除原因' }]);

    await f.db.updateTable('bank_notifications').set({ status: 'done' }).where('id', '=', id).execute();
    const refused = await expectRefusal(runCommand(f.db, f.actors.operator, bankNotificationResource, id, 'retryNow', { body: {} }));
    expect([refused.code, refused.message]).toEqual(['CONFLICT', '该银行通知已入账，无需重试']);
  });
});
