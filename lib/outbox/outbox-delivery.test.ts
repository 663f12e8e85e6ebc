import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '@/db/create-database';
import type { Database } from '@/db/database';
import { testDatabaseKinds } from '@/testing/test-database';
import { useTestDatabase } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { claimOutboxMessages } from './claim-outbox-messages';
import { deliverDueOutboxMessages, type DeliveryRoundOptions } from './deliver-due-messages';
import { platformCallbackDeliverer } from './deliver-platform-callback';
import type { Deliverers } from './deliverer';
import { enqueue } from './enqueue';
import { ATTEMPT_TIMEOUT_MS, DELIVERY_LEASE_MS, RETRY_WINDOW_MS } from './outbox-backoff';
import { startFakeCallbackEndpoint, type FakeCallbackEndpoint } from './testing/fake-callback-endpoint';

const SECRET = 'fake-platform-secret-0123456789';
const START = new Date('2026-11-24T02:00:00Z');

describe.each(testDatabaseKinds)('outbox delivery to a real HTTP endpoint on %s', (kind) => {
  const database = useTestDatabase(kind);
  const clock = useFixedClock(START);
  let endpoint: FakeCallbackEndpoint;
  let events = 0;
  beforeAll(async () => {
    endpoint = await startFakeCallbackEndpoint(SECRET);
  });
  afterAll(async () => {
    await endpoint.close();
  });
  // Each test starts from an empty outbox: what another test left retrying must not come due in this one.
  beforeEach(async () => {
    await database.db.deleteFrom('outbox_attempts').execute();
    await database.db.deleteFrom('outbox_messages').execute();
  });
  afterEach(() => {
    endpoint.answer = () => 200;
  });

  const deliverers: Deliverers = {
    platform_callback: platformCallbackDeliverer(async (_db, code) => (code === 'fake' ? { secret: SECRET, algorithm: 'sha256' } : null)),
    email: async () => {
      throw new Error('no e-mail in this test');
    },
  };
  const round = (db: Kysely<Database> = database.db, options: Partial<DeliveryRoundOptions> = {}) => deliverDueOutboxMessages(db, { deliverers, ...options });

  /** A callback about order `key` in the outbox, as the change that causes it would write it. */
  async function writeCallback(key: string | null = `order-${kind}-${++events}`) {
    const eventId = `evt-${kind}-${++events}`;
    const id = await database.db.transaction().execute((trx) =>
      enqueue(trx, {
        kind: 'platform_callback',
        destination: `${endpoint.url}/guarantee-events`,
        orderingKey: key,
        summary: `issued ${eventId}`,
        payload: { platformCode: 'fake', body: JSON.stringify({ eventId, type: 'issued', orderNumber: key }) },
        regionId: null,
      }),
    );
    return { id, eventId };
  }
  const message = (id: string) => database.db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const attempts = (id: string) =>
    database.db.selectFrom('outbox_attempts').select(['attempt', 'started_at', 'finished_at', 'outcome', 'response_code', 'error']).where('message_id', '=', id).orderBy('attempt').execute();
  /** Delivers what is due now until nothing is left (what later rounds of the worker would do). */
  async function drain() {
    while ((await round()).claimed > 0);
  }

  it('answered 500 twice and then 200, delivers once, with three attempts logged, each retry at its backoff', async () => {
    const { id, eventId } = await writeCallback();
    endpoint.answer = (_r, nth) => (nth <= 2 ? 500 : 200);

    expect(await round()).toEqual({ claimed: 1, delivered: 0, failed: 1 });
    expect(await message(id)).toMatchObject({ status: 'pending', attempts: 1, last_response_code: 500, next_attempt_at: new Date(START.getTime() + 30_000) });
    // Not due before its time: the clock, not a sleep, says when.
    clock.advance(29_999);
    expect((await round()).claimed).toBe(0);
    clock.advance(1);
    expect(await round()).toEqual({ claimed: 1, delivered: 0, failed: 1 });
    expect((await message(id)).next_attempt_at).toEqual(new Date(START.getTime() + 30_000 + 60_000));
    clock.advance(60_000);
    expect(await round()).toEqual({ claimed: 1, delivered: 1, failed: 0 });

    expect(endpoint.countOf(eventId)).toBe(3);
    expect(endpoint.received.filter((r) => r.eventId === eventId).every((r) => r.signatureValid)).toBe(true);
    expect(await message(id)).toMatchObject({ status: 'delivered', attempts: 3, last_response_code: 200, last_error: null, locked_until: null, delivered_at: clock.now() });
    const log = await attempts(id);
    expect(log.map((a) => [a.attempt, a.outcome, a.response_code])).toEqual([[1, 'failed', 500], [2, 'failed', 500], [3, 'delivered', 200]]);
    expect(log.map((a) => a.started_at.getTime() - START.getTime())).toEqual([0, 30_000, 90_000]);
    expect(log[0]!.error).toMatch(/^交易平台应答 HTTP 500/);
    // Delivered is done: nothing more is sent.
    clock.advance(24 * 60 * 60_000);
    expect((await round()).claimed).toBe(0);
    expect(endpoint.countOf(eventId)).toBe(3);
  });

  it('signs each attempt afresh (timestamp from the clock, a new nonce) over the same body', async () => {
    const { eventId } = await writeCallback();
    endpoint.answer = (_r, nth) => (nth === 1 ? 503 : 200);
    await round();
    clock.advance(30_000);
    await round();
    const [first, second] = endpoint.received.filter((r) => r.eventId === eventId);
    expect([first!.headers['x-timestamp'], second!.headers['x-timestamp']]).toEqual([String(START.getTime() / 1000), String(START.getTime() / 1000 + 30)]);
    expect(first!.headers['x-nonce']).not.toBe(second!.headers['x-nonce']);
    expect(first!.headers['x-platform-code']).toBe('fake');
    expect(second!.body).toBe(first!.body);
    expect([first!.signatureValid, second!.signatureValid]).toEqual([true, true]);
  });

  it('a worker that dies holding a message (its lease unexpired) keeps it from everyone; after the lease another delivers it', async () => {
    const { id, eventId } = await writeCallback();
    // The worker took the message and its process is gone: no delivery, no outcome.
    const [claimed] = await claimOutboxMessages(database.db, 10, DELIVERY_LEASE_MS);
    expect(claimed).toMatchObject({ id, attempt: 1 });
    expect((await round()).claimed).toBe(0);
    clock.advance(DELIVERY_LEASE_MS - 1);
    expect((await round()).claimed).toBe(0);
    clock.advance(1);
    expect(await round()).toEqual({ claimed: 1, delivered: 1, failed: 0 });
    expect(endpoint.countOf(eventId)).toBe(1);
    expect(await message(id)).toMatchObject({ status: 'delivered', attempts: 2 });
    // The first attempt stays in the log as it was left: started, never finished.
    expect((await attempts(id)).map((a) => [a.attempt, a.outcome, a.finished_at === null])).toEqual([[1, null, true], [2, 'delivered', false]]);
  });

  it('a worker that dies after the platform answered, before it wrote the outcome, leads to a second delivery (at least once)', async () => {
    const { id, eventId } = await writeCallback();
    const [claimed] = await claimOutboxMessages(database.db, 10, DELIVERY_LEASE_MS);
    // Delivered, and then the process is gone before its transaction could record it.
    await deliverers.platform_callback(claimed!, { db: database.db, signal: new AbortController().signal });
    expect(endpoint.countOf(eventId)).toBe(1);
    clock.advance(DELIVERY_LEASE_MS);
    await drain();
    expect(endpoint.countOf(eventId)).toBe(2);
    expect(new Set(endpoint.received.filter((r) => r.eventId === eventId).map((r) => r.body)).size).toBe(1);
    expect(await message(id)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('a worker whose lease ran out mid-attempt does not write over the attempt that took over', async () => {
    const { id } = await writeCallback();
    let release!: (answer: number) => void;
    endpoint.answer = (_r, nth) => (nth === 1 ? new Promise<number>((resolve) => (release = resolve)) : 200);
    const slow = round(database.db, { leaseMs: 1_000 });
    while (!release) await new Promise((resolve) => setTimeout(resolve, 5));
    // The first worker is still waiting for its answer when its lease runs out and another delivers.
    clock.advance(1_000);
    expect(await round()).toEqual({ claimed: 1, delivered: 1, failed: 0 });
    release(500);
    expect(await slow).toEqual({ claimed: 1, delivered: 0, failed: 1 });
    expect(await message(id)).toMatchObject({ status: 'delivered', attempts: 2, last_error: null, locked_until: null });
    expect((await attempts(id)).map((a) => [a.attempt, a.outcome, a.response_code])).toEqual([[1, 'failed', 500], [2, 'delivered', 200]]);
  });

  it('two workers at once send each message once per attempt', async () => {
    const other = kind === 'postgres' ? createDatabase({ kind: 'postgres', url: database.url!, maxConnections: 4 }) : database.db;
    try {
      const written = await Promise.all(Array.from({ length: 24 }, () => writeCallback()));
      // Slow answers, so that the two workers' rounds overlap; the first attempt of each fails.
      endpoint.answer = async (_r, nth) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return nth === 1 ? 500 : 200;
      };
      const both = async () => {
        const results = await Promise.all([round(database.db, { limit: 5 }), round(other, { limit: 5 })]);
        return results.reduce((sum, r) => sum + r.claimed, 0);
      };
      while ((await both()) > 0);
      expect(written.map((w) => endpoint.countOf(w.eventId))).toEqual(written.map(() => 1));
      clock.advance(30_000);
      while ((await both()) > 0);
      expect(written.map((w) => endpoint.countOf(w.eventId))).toEqual(written.map(() => 2));
      for (const { id } of written) {
        expect(await message(id)).toMatchObject({ status: 'delivered', attempts: 2 });
        expect((await attempts(id)).map((a) => a.outcome)).toEqual(['failed', 'delivered']);
      }
    } finally {
      if (other !== database.db) await other.destroy();
    }
  });

  it('delivers the messages of one key in order: a later one waits while an earlier one is undelivered', async () => {
    const key = `order-in-order-${kind}`;
    const first = await writeCallback(key);
    const second = await writeCallback(key);
    const third = await writeCallback(key);
    const elsewhere = await writeCallback();
    endpoint.answer = (request, nth) => (request.eventId === first.eventId && nth === 1 ? 500 : 200);
    const before = endpoint.received.length;

    expect(await round()).toEqual({ claimed: 2, delivered: 1, failed: 1 });
    // The other key is not held up; the failing first holds back the second and third.
    expect((await message(elsewhere.id)).status).toBe('delivered');
    expect((await round()).claimed).toBe(0);
    clock.advance(30_000);
    await drain();
    const order = endpoint.received.slice(before).map((r) => r.eventId);
    expect(order.filter((e) => e !== elsewhere.eventId)).toEqual([first.eventId, first.eventId, second.eventId, third.eventId]);
    for (const m of [first, second, third]) expect((await message(m.id)).status).toBe('delivered');
    // One round never holds two messages of a key: each went in a round of its own.
    const starts = await Promise.all([second, third].map(async (m) => (await attempts(m.id))[0]!.started_at.getTime()));
    expect(starts).toEqual([clock.now().getTime(), clock.now().getTime()]);
  });

  it('follows the backoff schedule for 24 hours, then gives up (投递失败), still holding back the later messages of its key', async () => {
    const key = `order-giving-up-${kind}`;
    const { id, eventId } = await writeCallback(key);
    const after = await writeCallback(key);
    endpoint.answer = (request) => (request.eventId === eventId ? 502 : 200);
    const startedAt: number[] = [];
    for (let i = 0; i < 40; i++) {
      const m = await message(id);
      if (m.status !== 'pending') break;
      clock.set(m.next_attempt_at);
      startedAt.push(clock.now().getTime() - START.getTime());
      await round();
      expect((await message(id)).attempts).toBe(startedAt.length);
    }
    const minutes = startedAt.map((ms) => ms / 60_000);
    // 30 s, 1, 2, 4, … minutes apart, at most 4 hours; the last attempt at the end of the 24 hours.
    expect(minutes).toEqual([0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5, 63.5, 127.5, 255.5, 495.5, 735.5, 975.5, 1215.5, 1440]);
    expect(await message(id)).toMatchObject({ status: 'failed', attempts: 15, last_response_code: 502 });
    expect(endpoint.countOf(eventId)).toBe(15);
    // Failed is not delivered: the next message of its key still waits.
    clock.advance(7 * 24 * 60 * 60_000);
    expect((await round()).claimed).toBe(0);
    expect(endpoint.countOf(after.eventId)).toBe(0);
    expect(RETRY_WINDOW_MS).toBe(24 * 60 * 60_000);
  });

  it('an attempt that gets no answer within its timeout fails (10 s in the app) and is retried', async () => {
    const { id, eventId } = await writeCallback();
    endpoint.answer = (_r, nth) => (nth === 1 ? 'hang' : 200);
    const started = performance.now();
    expect(await round(database.db, { timeoutMs: 300 })).toEqual({ claimed: 1, delivered: 0, failed: 1 });
    expect(performance.now() - started).toBeLessThan(5_000);
    const [attempt] = await attempts(id);
    expect(attempt).toMatchObject({ outcome: 'failed', response_code: null, error: '投递超时（0.3 秒内未完成）' });
    clock.advance(30_000);
    await drain();
    expect(endpoint.countOf(eventId)).toBe(2);
    expect((await message(id)).status).toBe('delivered');
    expect(ATTEMPT_TIMEOUT_MS).toBe(10_000);
  });

  it('a platform nobody registered gets nothing: the attempt fails with why, and nothing is sent unsigned', async () => {
    const { id } = await database.db.transaction().execute(async (trx) => ({
      id: await enqueue(trx, {
        kind: 'platform_callback',
        destination: `${endpoint.url}/guarantee-events`,
        orderingKey: null,
        summary: 'unknown platform',
        payload: { platformCode: 'nobody', body: JSON.stringify({ eventId: 'evt-nobody' }) },
        regionId: null,
      }),
    }));
    expect(await round()).toEqual({ claimed: 1, delivered: 0, failed: 1 });
    expect(endpoint.countOf('evt-nobody')).toBe(0);
    expect(await message(id)).toMatchObject({ status: 'pending', last_error: '交易平台 nobody 未登记或已停用，无法签名推送' });
  });

  it('writes nothing when the transaction that would have caused the message rolls back', async () => {
    const count = async () => Number((await database.db.selectFrom('outbox_messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueue(trx, { kind: 'platform_callback', destination: endpoint.url, orderingKey: null, summary: 'x', payload: { platformCode: 'fake', body: '{}' }, regionId: null });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count()).toBe(before);
  });
});

// A real second process, killed while its delivery waits for the platform's answer: PostgreSQL only, as
// the in-memory PGlite of the tests is one process's own.
describe.runIf(testDatabaseKinds.includes('postgres'))('an outbox worker process killed mid-delivery (postgres)', () => {
  const database = useTestDatabase('postgres');
  const clock = useFixedClock(START);
  let endpoint: FakeCallbackEndpoint;
  beforeAll(async () => {
    endpoint = await startFakeCallbackEndpoint(SECRET);
  });
  afterAll(async () => {
    await endpoint.close();
  });

  it('leaves its attempt open and the message leased; after the lease the next worker delivers it', async () => {
    const id = await database.db.transaction().execute((trx) =>
      enqueue(trx, {
        kind: 'platform_callback',
        destination: `${endpoint.url}/guarantee-events`,
        orderingKey: 'order-killed',
        summary: 'issued evt-killed',
        payload: { platformCode: 'fake', body: JSON.stringify({ eventId: 'evt-killed', type: 'issued' }) },
        regionId: null,
      }),
    );
    endpoint.answer = (_r, nth) => (nth === 1 ? 'hang' : 200);
    const child = spawn(process.execPath, ['--import', 'tsx', 'lib/outbox/testing/outbox-worker-process.ts'], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { ...process.env, TEST_WORKER_DATABASE_URL: database.url!, TEST_PLATFORM_SECRET: SECRET },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 60_000;
    while (endpoint.countOf('evt-killed') === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(endpoint.countOf('evt-killed')).toBe(1);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const left = await database.db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(left).toMatchObject({ status: 'pending', attempts: 1 });
    // The process ran on the real clock: its lease is a minute from when it took the message.
    expect(left.locked_until!.getTime()).toBeGreaterThan(Date.now());
    clock.set(new Date(left.locked_until!.getTime() - 1));
    expect((await deliverDueOutboxMessages(database.db, { deliverers: { platform_callback: platformCallbackDeliverer(async () => ({ secret: SECRET, algorithm: 'sha256' })), email: async () => ({ responseCode: null }) } })).claimed).toBe(0);
    clock.set(left.locked_until!);
    const after = await deliverDueOutboxMessages(database.db, { deliverers: { platform_callback: platformCallbackDeliverer(async () => ({ secret: SECRET, algorithm: 'sha256' })), email: async () => ({ responseCode: null }) } });
    expect(after).toEqual({ claimed: 1, delivered: 1, failed: 0 });
    expect(endpoint.countOf('evt-killed')).toBe(2);
    const attemptsLeft = await database.db.selectFrom('outbox_attempts').select(['attempt', 'outcome']).where('message_id', '=', id).orderBy('attempt').execute();
    expect(attemptsLeft).toEqual([{ attempt: 1, outcome: null }, { attempt: 2, outcome: 'delivered' }]);
  }, 90_000);
});
