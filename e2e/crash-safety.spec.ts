import { expect, test } from '@playwright/test';
import { openDemoFixture } from '../testing/demo-fixture';
import { createRushBidders } from './support/rush-bidders';
import { deliverPayments, isAck } from './support/rush-notifications';
import { insuredExactlyOnceProblems, waitForDocuments } from './support/rush-outcome';
import { rushServerEnv, startRushServer, type RushServer } from './support/rush-server';
import { childPids } from '../testing/child-processes';

const N = 60;
const CONCURRENCY = 20;
/** The kill comes after this many acknowledgements, with about CONCURRENCY more notifications in flight. */
const KILL_AFTER_ACKS = 20;
// Not the port of the server playwright.config.ts starts (PGlite, shared by the journeys): this test's own.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const BANK_SECRET = 'e2e-crash-bank-secret';

test.skip(!process.env.TEST_DATABASE_URL, 'needs a PostgreSQL server (TEST_DATABASE_URL, which CI sets): the crash test runs its own server on a fresh database');

test('kill -9 of the app in the middle of a rush, a restart and the bank’s retries: every order insured once, every transfer recorded once, every document rendered', async () => {
  test.setTimeout(150_000);
  const f = await openDemoFixture('postgres', new Date());
  let server: RushServer | undefined;
  const started: RushServer[] = [];
  try {
    const payments = await createRushBidders(f, N);
    // A short lease, so the jobs the killed process had taken come back within the test.
    const env = rushServerEnv({ databaseUrl: f.url!, bankSecret: BANK_SECRET, env: { POLICY_DOCUMENT_LEASE_SECONDS: '2' } }, PORT);
    server = await startRushServer(env, PORT);
    started.push(server);
    const doomed = server;

    let killing: Promise<void> | undefined;
    let killedAtMs = Infinity;
    const rush = await deliverPayments(server.baseUrl, BANK_SECRET, payments, CONCURRENCY, (delivery, acks) => {
      if (killing || acks < KILL_AFTER_ACKS) return;
      killedAtMs = delivery.startedMs + delivery.latencyMs;
      killing = doomed.kill();
    });
    await killing;
    server = undefined;
    // The whole server was killed, supervisor and app process: nothing answers on the port any more.
    expect(() => process.kill(doomed.pid, 0), 'the server process is gone').toThrow();
    await expect(fetch(`${doomed.baseUrl}/login`), 'nothing listens on the port').rejects.toThrow();

    // The kill cut notifications that had been sent: otherwise this test would prove nothing.
    const unanswered = rush.deliveries.filter((d) => !isAck(d));
    const cutInFlight = unanswered.filter((d) => d.startedMs < killedAtMs);
    expect(rush.deliveries.filter(isAck).length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(cutInFlight.length, 'notifications in flight when the server was killed').toBeGreaterThan(0);

    server = await startRushServer(env, PORT);
    started.push(server);
    // The bank sends every notification again: the unanswered ones are its retries, the answered ones
    // arrive twice. Either way each is recorded at most once.
    const retries = await deliverPayments(server.baseUrl, BANK_SECRET, payments, CONCURRENCY);
    expect(retries.deliveries.filter((d) => !isAck(d)), 'every retry is acknowledged').toEqual([]);
    const answeredBefore = rush.deliveries.map((d, i) => (isAck(d) ? i : -1)).filter((i) => i >= 0);
    expect(answeredBefore.filter((i) => retries.deliveries[i]!.replayed !== true), 'a notification already acknowledged is a replay').toEqual([]);

    const outcome = await waitForDocuments(f.db, N, 60_000);
    expect(insuredExactlyOnceProblems(outcome, N)).toEqual([]);
    expect({ documentsReady: outcome.documentsReady, jobs: outcome.jobs, jobsDone: outcome.jobsDone }).toEqual({ documentsReady: N, jobs: N, jobsDone: N });
    // Recorded before the kill but never acknowledged: the case the retries are most dangerous for.
    const committedUnanswered = rush.deliveries.filter((d, i) => !isAck(d) && retries.deliveries[i]!.replayed).length;
    const description =
      `${N - unanswered.length} acknowledged in the first round, ${cutInFlight.length} cut in flight by the kill ` +
      `(${committedUnanswered} of them recorded but unanswered), ${unanswered.length - cutInFlight.length} refused while down; ` +
      `${outcome.jobsTakenAgain} document jobs taken again after their lease`;
    test.info().annotations.push({ type: 'rush', description });
    console.log(`crash-safety: ${description}`);
  } catch (error) {
    for (const [i, each] of started.entries()) await test.info().attach(`server ${i + 1} output`, { body: each.output(), contentType: 'text/plain' });
    throw error;
  } finally {
    await server?.stop();
    await f.close();
  }
});

test('kill -9 of the app process alone in the middle of a rush: its supervisor replaces it, the port is never closed, and after the bank’s retries every order is insured once', async () => {
  test.setTimeout(150_000);
  const f = await openDemoFixture('postgres', new Date());
  let server: RushServer | undefined;
  try {
    const payments = await createRushBidders(f, N);
    const env = rushServerEnv({ databaseUrl: f.url!, bankSecret: BANK_SECRET, env: { POLICY_DOCUMENT_LEASE_SECONDS: '2' } }, PORT + 1);
    server = await startRushServer(env, PORT + 1);
    const [doomed] = childPids(server.pid, 'scripts/app-process.ts');
    expect(doomed, 'the app process under npm start').toBeDefined();

    let killed = false;
    let killedAtMs = Infinity;
    const rush = await deliverPayments(server.baseUrl, BANK_SECRET, payments, CONCURRENCY, (delivery, acks) => {
      if (killed || acks < KILL_AFTER_ACKS) return;
      killed = true;
      killedAtMs = delivery.startedMs + delivery.latencyMs;
      process.kill(doomed!, 'SIGKILL');
    });
    expect(killed).toBe(true);
    const replacement = childPids(server.pid, 'scripts/app-process.ts');
    expect(replacement, 'one app process again, not the killed one').toHaveLength(1);
    expect(replacement[0]).not.toBe(doomed);
    // Connections cut by the kill were reset; none was refused, because the supervisor held the socket open.
    const failed = rush.deliveries.filter((d) => !isAck(d));
    expect(failed.filter((d) => d.startedMs < killedAtMs).length, 'notifications cut in flight by the kill').toBeGreaterThan(0);
    expect(failed.filter((d) => d.error?.includes('ECONNREFUSED')), 'refused connections').toEqual([]);
    // Sent after the kill on a new connection: it waited in the backlog for the replacement and was answered.
    expect(rush.deliveries.filter((d) => d.startedMs > killedAtMs && isAck(d)).length, 'answered by the replacement').toBeGreaterThan(0);

    const retries = await deliverPayments(server.baseUrl, BANK_SECRET, payments, CONCURRENCY);
    expect(retries.deliveries.filter((d) => !isAck(d)), 'every retry is acknowledged').toEqual([]);
    const outcome = await waitForDocuments(f.db, N, 60_000);
    expect(insuredExactlyOnceProblems(outcome, N)).toEqual([]);
    expect({ documentsReady: outcome.documentsReady, jobsDone: outcome.jobsDone }).toEqual({ documentsReady: N, jobsDone: N });
    expect(server.output()).toContain('意外退出（信号 SIGKILL），1 秒后重启');
    console.log(`crash-safety (app process alone): ${N - failed.length} acknowledged in the first round, ${failed.length} cut by the kill and answered on retry`);
  } catch (error) {
    if (server) await test.info().attach('server output', { body: server.output(), contentType: 'text/plain' });
    throw error;
  } finally {
    await server?.stop();
    await f.close();
  }
});
