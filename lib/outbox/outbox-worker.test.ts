import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@/testing/test-database';
import { useTestDatabase } from '@/testing/use-database';
import type { Deliverers } from './deliverer';
import { enqueue } from './enqueue';
import { startOutboxWorker, stopOutboxWorker } from './outbox-worker';

describe.each(testDatabaseKinds)('the outbox worker of an app process on %s', (kind) => {
  const database = useTestDatabase(kind);
  afterEach(async () => {
    await stopOutboxWorker();
  });

  it('delivers a message written in its process at once (a nudge), well before its idle poll', async () => {
    const delivered: string[] = [];
    const deliverers: Deliverers = {
      email: async (message) => {
        delivered.push(message.id);
        return { responseCode: 250 };
      },
      platform_callback: async () => ({ responseCode: 200 }),
    };
    startOutboxWorker(async () => database.db, () => deliverers);
    // Let its first round (nothing to do) pass, so that the worker sleeps on its idle poll.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    const id = await database.db.transaction().execute((trx) =>
      enqueue(trx, { kind: 'email', destination: 'a@example.cn', orderingKey: null, summary: '测试', payload: { subject: '测试', text: '正文', html: '<p>正文</p>', attachments: [] }, regionId: null }),
    );
    const row = () => database.db.selectFrom('outbox_messages').select(['status', 'last_response_code']).where('id', '=', id).executeTakeFirstOrThrow();
    while ((await row()).status !== 'delivered' && Date.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(delivered).toEqual([id]);
    expect(await row()).toEqual({ status: 'delivered', last_response_code: 250 });
  });
});
