import type { Kysely, Transaction } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import type { Database, OutboxStatus } from '@/db/database';
import { refusalOf, TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { everyStateAndAction, tableOf } from '@/lib/lifecycle/testing/lifecycle-table';
import { rolledBack } from '@/lib/lifecycle/testing/rolled-back';
import { transition } from '@/lib/lifecycle/transition';
import { enqueue } from './enqueue';
import { outboxMessageActions, outboxMessageLifecycle, outboxMessageState, type OutboxMessageState } from './outbox-message-lifecycle';

const EXPECTED = {
  pending: { deliver: 'delivered', recordFailure: '=', giveUp: 'failed', retryNow: 'pending' },
  delivered: {},
  failed: { retryNow: 'pending' },
} as const;

describe('the outbox message lifecycle', () => {
  it('is delivered once; failures are written on it until its retries are over; 立即重试 takes it up again', () => {
    expect(tableOf(outboxMessageLifecycle)).toEqual(EXPECTED);
    expect(refusalOf(outboxMessageLifecycle, 'retryNow', 'delivered').message).toBe('该消息已投递，无需重试');
    expect(refusalOf(outboxMessageLifecycle, 'deliver', 'failed').message).toBe('推送消息当前状态为「投递失败」，不能投递');
  });

  it('shows a pending message whose last attempt failed as 重试中', () => {
    expect(outboxMessageState({ status: 'pending', last_error: null })).toBe('pending');
    expect(outboxMessageState({ status: 'pending', last_error: 'HTTP 500' })).toBe('retrying');
    expect(outboxMessageState({ status: 'failed', last_error: 'HTTP 500' })).toBe('failed');
    expect(outboxMessageState({ status: 'delivered', last_error: null })).toBe('delivered');
  });
});

describe.each(testDatabaseKinds)('outbox messages through the lifecycle kernel on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();

  const insertMessage = () =>
    f.db.transaction().execute((trx) =>
      enqueue(trx, {
        kind: 'email',
        destination: 'bid@tianshan-jianshe.example.cn',
        orderingKey: null,
        summary: '测试邮件',
        payload: { subject: '测试邮件', text: '正文', html: '<p>正文</p>', attachments: [] },
        regionId: '650100',
      }),
    );
  const read = (db: Kysely<Database> | Transaction<Database>, id: string) => db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it.each(everyStateAndAction(outboxMessageLifecycle))('from %s, %s goes where the table says or is refused and changes nothing', async (state, action) => {
    const id = await insertMessage();
    const expected = (EXPECTED[state] as Record<string, string | undefined>)[action];
    const outcome = await rolledBack(f.db, async (trx) => {
      await trx.updateTable('outbox_messages').set({ status: state }).where('id', '=', id).execute();
      const before = await read(trx, id);
      try {
        const changed = await transition(trx, 'outbox_messages', outboxMessageLifecycle, { id, action, set: { last_attempt_at: SEEDED_AT } });
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

  it('offers 立即重试 on a failing or failed message to its region\'s operators and the platform, not to compliance or another region', () => {
    const { operator, otherOperator, compliance, platformAdmin, bidder } = f.actors;
    const offered = (status: OutboxStatus, state: OutboxMessageState, region_id: string | null = '650100') =>
      [operator, otherOperator, compliance, platformAdmin, bidder].map((actor) => outboxMessageActions({ status, state, region_id }, actor));
    expect(offered('pending', 'retrying')).toEqual([['retryNow'], [], [], ['retryNow'], []]);
    expect(offered('failed', 'failed')).toEqual([['retryNow'], [], [], ['retryNow'], []]);
    expect(offered('failed', 'failed', null)).toEqual([[], [], [], ['retryNow'], []]);
    // Not tried yet, it is due anyway; delivered, there is nothing to retry.
    expect(offered('pending', 'pending')).toEqual([[], [], [], [], []]);
    expect(offered('delivered', 'delivered')).toEqual([[], [], [], [], []]);
  });
});
