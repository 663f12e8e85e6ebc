import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { getRecord } from '@/lib/back-office/get-record';
import type { ListParams } from '@/lib/back-office/list-params';
import { listRecords } from '@/lib/back-office/list-records';
import { runCommand } from '@/lib/back-office/run-command';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { deliverDueOutboxMessages } from './deliver-due-messages';
import { DeliveryFailure, type Deliverers } from './deliverer';
import { enqueue } from './enqueue';
import { RETRY_WINDOW_MS } from './outbox-backoff';
import { outboxMessageResource, type OutboxMessageRecord } from './outbox-message-resource';

const page = (filter: Record<string, unknown> = {}): ListParams => ({ sort: { field: 'sequence', order: 'asc' }, offset: 0, limit: 100, filter });

describe.each(testDatabaseKinds)('推送记录 (outbox-messages) in the back office on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();
  /** Fails every mail to an address at "bounce." with the server's 550, delivers the rest. */
  const deliverers: Deliverers = {
    email: async (message) => {
      if (message.destination.includes('@bounce.')) throw new DeliveryFailure('邮件服务器未接受：550 mailbox unavailable', 550);
      return { responseCode: 250 };
    },
    platform_callback: async () => ({ responseCode: 200 }),
  };
  const write = (regionId: string | null, to: string) =>
    f.db.transaction().execute((trx) =>
      enqueue(trx, {
        kind: 'email',
        destination: to,
        orderingKey: `mail:test:${to}`,
        summary: `测试邮件 ${to}`,
        payload: { subject: `测试邮件 ${to}`, text: '正文', html: '<p>正文</p>', attachments: [] },
        regionId,
      }),
    );
  let urumqi: string;
  let karamay: string;
  let platformWide: string;
  let delivered: string;
  beforeAll(async () => {
    urumqi = await write('650100', `wlmq-${kind}@bounce.example.cn`);
    karamay = await write('650200', `klmy-${kind}@bounce.example.cn`);
    platformWide = await write(null, `platform-${kind}@bounce.example.cn`);
    delivered = await write('650100', `ok-${kind}@example.cn`);
    await deliverDueOutboxMessages(f.db, { deliverers });
  });
  const ours = (rows: { id: string | number }[]) => rows.map((r) => r.id).filter((id) => [urumqi, karamay, platformWide, delivered].includes(String(id)));

  it('lists an operator its region\'s messages only, compliance and the platform every one, and a bidder none', async () => {
    expect(ours((await listRecords(f.db, f.actors.operator, outboxMessageResource, page())).rows)).toEqual([urumqi, delivered]);
    expect(ours((await listRecords(f.db, f.actors.otherOperator, outboxMessageResource, page())).rows)).toEqual([karamay]);
    expect(ours((await listRecords(f.db, f.actors.compliance, outboxMessageResource, page())).rows)).toEqual([urumqi, karamay, platformWide, delivered]);
    expect(ours((await listRecords(f.db, f.actors.platformAdmin, outboxMessageResource, page())).rows)).toEqual([urumqi, karamay, platformWide, delivered]);
    expect((await expectRefusal(listRecords(f.db, f.actors.bidder, outboxMessageResource, page()))).code).toBe('FORBIDDEN');
    // Another region's message by id is refused, not shown.
    expect((await expectRefusal(getRecord(f.db, f.actors.operator, outboxMessageResource, karamay))).code).toBe('OTHER_REGION');
  });

  it('filters by state and kind, and refuses a filter value it does not know', async () => {
    const ids = async (filter: Record<string, unknown>) => ours((await listRecords(f.db, f.actors.platformAdmin, outboxMessageResource, page(filter))).rows);
    expect(await ids({ state: 'retrying' })).toEqual([urumqi, karamay, platformWide]);
    expect(await ids({ state: 'delivered' })).toEqual([delivered]);
    expect(await ids({ state: 'open' })).toEqual([urumqi, karamay, platformWide]);
    expect(await ids({ kind: 'platform_callback' })).toEqual([]);
    expect(await ids({ q: `klmy-${kind}` })).toEqual([karamay]);
    expect((await expectRefusal(listRecords(f.db, f.actors.platformAdmin, outboxMessageResource, page({ state: 'lost' })))).code).toBe('VALIDATION_FAILED');
  });

  it('shows a message with every attempt, its response code and error, its next try and what the reader may do', async () => {
    const record = (await getRecord(f.db, f.actors.operator, outboxMessageResource, urumqi)) as OutboxMessageRecord & { allowed_actions: string[] };
    expect(record).toMatchObject({
      kind: 'email', status: 'pending', state: 'retrying', attempts: 1, last_response_code: 550, allowed_actions: ['retryNow'],
      next_attempt_at: new Date(clock.now().getTime() + 30_000),
    });
    expect(record.attempt_log).toEqual([
      { attempt: 1, started_at: clock.now(), finished_at: clock.now(), outcome: 'failed', response_code: 550, error: '邮件服务器未接受：550 mailbox unavailable' },
    ]);
    const ok = (await getRecord(f.db, f.actors.compliance, outboxMessageResource, delivered)) as OutboxMessageRecord & { allowed_actions: string[] };
    expect(ok).toMatchObject({ state: 'delivered', last_response_code: 250, allowed_actions: [] });
    expect((await getRecord(f.db, f.actors.compliance, outboxMessageResource, urumqi)).allowed_actions).toEqual([]);
  });

  it('立即重试: due at once with 24 more hours of retries, audited; refused to compliance, another region, bad input and a delivered message', async () => {
    const retry = (actor: keyof typeof f.actors, id: string, body: unknown = {}) => runCommand(f.db, f.actors[actor], outboxMessageResource, id, 'retryNow', { body });
    // Messages of this test's own, failing once: the other tests read the ones written before them as they are.
    const failing = await write('650100', `retry-${kind}@bounce.example.cn`);
    const platformFailing = await write(null, `retry-platform-${kind}@bounce.example.cn`);
    await deliverDueOutboxMessages(f.db, { deliverers });
    expect((await expectRefusal(retry('compliance', failing))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(retry('bidder', failing))).code).toBe('FORBIDDEN');
    expect((await expectRefusal(retry('otherOperator', failing))).code).toBe('OTHER_REGION');
    expect((await expectRefusal(retry('operator', platformFailing))).code).toBe('OTHER_REGION');
    for (const body of [[], 'x', 42, { reason: {} }, { reason: '中'.repeat(501) }]) {
      expect((await expectRefusal(retry('operator', failing, body))).code).toBe('VALIDATION_FAILED');
    }
    const refused = await expectRefusal(retry('operator', delivered));
    expect([refused.code, refused.message]).toEqual(['CONFLICT', '该消息已投递，无需重试']);

    clock.advance(5_000);
    const retried = await retry('operator', failing, { reason: '收件人已更正邮箱' });
    expect(retried).toMatchObject({ id: failing, status: 'pending', next_attempt_at: clock.now(), give_up_at: new Date(clock.now().getTime() + RETRY_WINDOW_MS) });
    const audit = await f.db.selectFrom('audit_events').select(['action', 'reason', 'region_id']).where('entity_id', '=', failing).execute();
    expect(audit).toEqual([{ action: 'outbox_message.retry_now', reason: '收件人已更正邮箱', region_id: '650100' }]);
    // Due now: the next round tries it, and the platform's own message can be retried by the platform.
    await deliverDueOutboxMessages(f.db, { deliverers });
    expect(await getRecord(f.db, f.actors.operator, outboxMessageResource, failing)).toMatchObject({ attempts: 2 });
    expect(await retry('platformAdmin', platformFailing)).toMatchObject({ id: platformFailing, status: 'pending' });
  });

  it('takes a failed message (retries over) up again with 立即重试, and delivers it', async () => {
    const id = await write('650200', `given-up-${kind}@example.cn`);
    await f.db.transaction().execute(async (trx) => {
      // As the worker leaves a message whose 24 hours are over.
      await trx.updateTable('outbox_messages').set({ status: 'failed', last_error: '邮件服务器未接受', attempts: 15 }).where('id', '=', id).execute();
    });
    const listed = (await getRecord(f.db, f.actors.otherOperator, outboxMessageResource, id)) as OutboxMessageRecord & { allowed_actions: string[] };
    expect([listed.state, listed.allowed_actions]).toEqual(['failed', ['retryNow']]);
    await runCommand(f.db, f.actors.otherOperator, outboxMessageResource, id, 'retryNow', { body: {} });
    await deliverDueOutboxMessages(f.db, { deliverers });
    expect(await getRecord(f.db, f.actors.otherOperator, outboxMessageResource, id)).toMatchObject({ status: 'delivered', attempts: 16, allowed_actions: [] });
  });
});
