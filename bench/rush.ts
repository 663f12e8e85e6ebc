/**
 * `npm run bench:rush`: a deadline rush on the money path (issue #15), end to end against the production
 * server on PostgreSQL:
 *   - a fresh database on TEST_DATABASE_URL's server, with the demo data and W + N bidders, each with one
 *     order awaiting payment on a section of its own (BENCH_N, default 200; BENCH_WARMUP, default 50);
 *   - the production server (scripts/start-server.ts) on BENCH_PORT (default 3290), from the build in
 *     NEXT_DIST_DIR (default .next-rush; built first when that folder has no build);
 *   - a warm-up: W notifications to the fresh server, printed but not judged, then a wait until they are
 *     insured and their documents ready, so the rush meets a server that has been running;
 *   - the bank's N signed notifications, BENCH_C at a time (default 50): throughput and latency;
 *   - the time from the last acknowledgement until every order is insured (the notifications are stored
 *     when acknowledged and recorded by the processor), and until every policy document is ready;
 *   - every notification sent again, as a bank's retries: nothing may change;
 *   - pgbench (TPC-B, 10 s, 8 clients) on a scratch database of the same server, as a yardstick.
 * It prints each figure beside its goal with PASS or MISS and does not fail on a miss. The server and
 * both databases are removed at the end, on an error too.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { openDemoFixture } from '@/testing/demo-fixture';
import { createRushBidders } from '@/e2e/support/rush-bidders';
import { deliverPayments, isAck, type Delivery } from '@/e2e/support/rush-notifications';
import { insuredExactlyOnceProblems, readRushOutcome, waitForDocuments, waitForOutcome } from '@/e2e/support/rush-outcome';
import { rushServerEnv, startRushServer, type RushServer } from '@/e2e/support/rush-server';
import { DEFAULT_ACCEPTS_PER_TURN } from '@/lib/server/server-processes-config';
import { ensureNextBuild } from './ensure-next-build';
import { pgbenchTps } from './pgbench';
import { childPids } from '@/testing/child-processes';
import { mainThreadCpuMs, processesCpuMs } from './process-cpu';

const N = Number(process.env.BENCH_N ?? 200);
/** Notifications for other orders sent first, to a server just started, and not measured (BENCH_WARMUP). */
const W = Number(process.env.BENCH_WARMUP ?? 50);
const C = Number(process.env.BENCH_C ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3290);
const BANK_SECRET = 'bench-rush-bank-secret';
const ROOT = path.resolve(import.meta.dirname, '..');
process.env.NEXT_DIST_DIR ||= '.next-rush';

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error('bench:rush needs a PostgreSQL server: set TEST_DATABASE_URL (a role that may create databases), e.g. postgres://bg_ci:bg_ci@127.0.0.1:5432/bg_ci');
  process.exit(2);
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const row = (goal: string, figure: string, met: boolean) => console.log(`${goal.padEnd(52)}${figure.padEnd(16)}${met ? 'PASS' : 'MISS'}`);

function latencies(deliveries: Delivery[]) {
  const sorted = deliveries.map((d) => d.latencyMs).sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
}

ensureNextBuild(ROOT, process.env.NEXT_DIST_DIR);
console.log(
  `bench:rush — N=${N} notifications, concurrency ${C}; ${os.cpus().length} cores, Node ${process.version}; load average ${load()}; ` +
    `WEB_CONCURRENCY ${process.env.WEB_CONCURRENCY || 1}, ACCEPTS_PER_TURN ${process.env.ACCEPTS_PER_TURN || DEFAULT_ACCEPTS_PER_TURN}`,
);

const f = await openDemoFixture('postgres', new Date());
let server: RushServer | undefined;
let cleaning: Promise<void> | undefined;
const cleanUp = () =>
  (cleaning ??= (async () => {
    await server?.stop();
    await f.close();
  })());
// Ctrl-C, or a SIGTERM or SIGHUP from whatever runs the bench: the database is dropped first; a server still starting is
// killed when the process exits (e2e/support/rush-server.ts).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

try {
  const setupStart = performance.now();
  const bidders = await createRushBidders(f, W + N);
  const warmup = bidders.slice(0, W);
  const payments = bidders.slice(W);
  console.log(`${W + N} bidders with an order each in ${ms(performance.now() - setupStart)} (${W} for the warm-up, ${N} for the rush)`);
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  server = await startRushServer(rushServerEnv({ databaseUrl: f.url!, bankSecret: BANK_SECRET }, PORT), PORT, profile);
  // One refused notification first: the route is loaded and the server's database opened before the clock runs.
  await fetch(`${server.baseUrl}/api/bank/transfers`, { method: 'POST', headers: { 'x-bank-code': 'demo' }, body: '{}' });

  // A server that has been running: its code compiled by the JIT on real work, not on the rush's first
  // notifications. The warm-up is a rush of its own on the fresh server, printed but not judged.
  if (W > 0) {
    const warm = await deliverPayments(server.baseUrl, BANK_SECRET, warmup, C);
    const warmLatency = latencies(warm.deliveries);
    await waitForDocuments(f.db, W, 120_000);
    console.log(`warm-up     ${warm.deliveries.filter(isAck).length}/${W} acknowledged by the fresh server in ${ms(warm.wallMs)} (p50 ${ms(warmLatency.p50)}, p99 ${ms(warmLatency.p99)}); insured and documents ready before the rush`);
  }

  // The app processes under npm start's supervisor: they answer and render (the supervisor only watches them).
  const appPids = childPids(server.pid, 'scripts/app-process.ts');
  const cpuNow = () => processesCpuMs(appPids);
  const loopNow = () => processesCpuMs(appPids, mainThreadCpuMs);
  const cpuBefore = cpuNow();
  const loopBefore = loopNow();
  const rush = await deliverPayments(server.baseUrl, BANK_SECRET, payments, C);
  const rushCpu = cpuNow();
  const rushLoop = loopNow();
  const acks = rush.deliveries.filter(isAck).length;
  // BENCH_DUMP=<file>: every delivery of the rush (start, latency, status) as JSON, to see where a tail comes from.
  if (process.env.BENCH_DUMP) writeFileSync(process.env.BENCH_DUMP, JSON.stringify(rush.deliveries));
  const lastAck = performance.now();
  // Acknowledged is stored; the processor records the transfers and insures the orders moments later.
  const insured = await waitForOutcome(f.db, (outcome) => outcome.ordersIssued >= W + N, 120_000, 50);
  const insuredMs = performance.now() - lastAck;
  const ready = await waitForDocuments(f.db, W + N, 120_000);
  const documentsMs = performance.now() - lastAck;
  const documentsCpu = cpuNow();
  const afterRush = await readRushOutcome(f.db);

  const retries = await deliverPayments(server.baseUrl, BANK_SECRET, payments, C);
  const afterRetries = await readRushOutcome(f.db);
  await server.stop();
  server = undefined;

  console.log(`pgbench -i, then pgbench -T 10 -c 8 on a scratch database of the same server …`);
  const tps = await pgbenchTps(adminUrl, { seconds: 10, clients: 8 });

  const throughput = (acks / rush.wallMs) * 1000;
  const { p50, p95, p99 } = latencies(rush.deliveries);
  const retryLatency = latencies(retries.deliveries);
  const onNew = rush.deliveries.filter((d) => d.newConnection === true);
  const onKept = rush.deliveries.filter((d) => d.newConnection === false);
  const split = (part: Delivery[]) => (part.length ? `p50 ${ms(latencies(part).p50)}, p99 ${ms(latencies(part).p99)}` : 'none');
  const failed = rush.deliveries.filter((d) => !isAck(d));
  const retriesReplayed = retries.deliveries.filter((d) => isAck(d) && d.replayed === true).length;
  const cpu = (from: number | null, to: number | null) => (from === null || to === null ? 'n/a' : `${((to - from) / 1000).toFixed(1)} s`);
  const problems = [
    ...insuredExactlyOnceProblems(afterRetries, W + N),
    ...(acks === N ? [] : [`${N - acks} notifications not acknowledged (first: ${failed[0]?.status ?? failed[0]?.error})`]),
    ...(retriesReplayed === N ? [] : [`${N - retriesReplayed} retries not answered as replayed`]),
    ...(isDeepStrictEqual(afterRush, afterRetries) ? [] : ['the retries changed the database']),
  ];
  const documentsMet = ready.documentsReady === W + N && ready.jobsDone === W + N && documentsMs <= 30_000;

  console.log(`
rush        ${acks}/${N} acknowledged in ${ms(rush.wallMs)}: ${throughput.toFixed(1)} acks/s
latency     p50 ${ms(p50)}   p95 ${ms(p95)}   p99 ${ms(p99)}
  by socket ${onNew.length} on new connections (${split(onNew)}), ${onKept.length} on kept-alive ones (${split(onKept)})
insured     ${insured.ordersIssued - W}/${N} orders 投保成功 ${(insuredMs / 1000).toFixed(1)} s after the last ack
documents   ${ready.documentsReady - W}/${N} ready ${(documentsMs / 1000).toFixed(1)} s after the last ack (jobs done ${ready.jobsDone}/${ready.jobs}, warm-up included)
retries     ${retriesReplayed}/${N} answered as replayed in ${ms(retries.wallMs)} (p50 ${ms(retryLatency.p50)}, p99 ${ms(retryLatency.p99)})
counts      (warm-up included) orders issued ${afterRetries.ordersIssued}/${afterRetries.orders}, policies ${afterRetries.policies} (orders with one ${afterRetries.ordersWithPolicy}), bank_transfers ${afterRetries.transfers} (distinct ${afterRetries.distinctTransfers}, matched ${afterRetries.transfersMatched}), refunds ${afterRetries.refunds}
server CPU  ${cpu(cpuBefore, rushCpu)} in ${appPids.length} app process(es) during the rush (${cpuBefore === null || rushCpu === null ? 'n/a' : ((rushCpu - cpuBefore) / N).toFixed(0)} ms per ack, renders done meanwhile included), ${cpu(rushCpu, documentsCpu)} more until the last document
event loop  ${cpu(loopBefore, rushLoop)} on the app processes' main threads during the rush (${loopBefore === null || rushLoop === null ? 'n/a' : ((rushLoop - loopBefore) / N).toFixed(1)} ms per ack: what answering costs, renders excluded)
pgbench     ${tps.toFixed(0)} tps (TPC-B, 10 s, 8 clients); rush throughput is ${((throughput / tps) * 100).toFixed(2)} % of it
load        load average ${load()} (1, 5, 15 min) at the end

goal                                                figure          verdict`);
  row('p99 ≤ 250 ms', ms(p99), p99 <= 250);
  row(`throughput ≥ 5 % of pgbench tps (${(tps * 0.05).toFixed(0)} acks/s)`, `${throughput.toFixed(1)} acks/s`, throughput >= tps * 0.05);
  row('every document ready ≤ 30 s after the last ack', `${(documentsMs / 1000).toFixed(1)} s`, documentsMet);
  row('all insured exactly once', problems.length ? `${problems.length} problem(s)` : 'yes', problems.length === 0);
  for (const problem of problems) console.log(`  - ${problem}`);
} catch (error) {
  // An error caused by a signal's clean-up (the database closed under the rush) needs no server output.
  if (server && !cleaning) console.error(`--- server output ---\n${server.output()}`);
  throw error;
} finally {
  await cleanUp();
}
