/**
 * `npm run bench:statement`: a 50,000-line bank statement imported on PGlite in memory (and on PostgreSQL
 * when TEST_DATABASE_URL is set), then the same file again. Prints lines per second, the total time and
 * the process's peak RSS (process.resourceUsage().maxRSS) before and after the import.
 *
 * Each database kind runs in a child process of its own, so each peak RSS is that kind's alone. Most lines
 * name no order and some were notified by the bank before; a few hundred name one of the region's open
 * orders (the first line per order insures it and renders its policy PDF, about 100 ms each; the others
 * are duplicate payments, refunded). BENCH_LINES changes the size (default 50,000).
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { openDemoFixture, SEEDED_AT } from '@/testing/demo-fixture';
import type { TestDatabaseKind } from '@/testing/test-database';
import { importStatement } from '@/lib/payments/statement/import-statement';
import { generateStatement, payableOrders, recordNotified } from '@/lib/payments/statement/testing/generate-statement';
import { fixedClock, useClock } from '@/lib/time/clock';

const LINES = Number(process.env.BENCH_LINES ?? 50_000);
const kind = process.env.BENCH_KIND as TestDatabaseKind | undefined;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

if (!kind) {
  console.log(`statement import — ${LINES.toLocaleString('en-US')} lines, ${os.cpus().length} cores, Node ${process.version}`);
  const kinds: TestDatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  for (const k of kinds) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_KIND: k },
      stdio: 'inherit',
    });
    if (child.status !== 0) process.exitCode = 1;
  }
} else {
  useClock(fixedClock(SEEDED_AT));
  const f = await openDemoFixture(kind);
  try {
    const orders = await payableOrders(f, '650100');
    const statement = generateStatement({ lines: LINES, prefix: `BENCH${Date.now()}`, orders, matchEvery: 160, notifiedEvery: 10 });
    await recordNotified(f.db, 'demo', statement.notifiedIds, SEEDED_AT);
    const upload = { bankCode: 'demo', fileName: 'bench.csv', csv: statement.bytes };
    const rssBefore = process.resourceUsage().maxRSS;

    const start = performance.now();
    const first = await importStatement(f.db, f.actors.operator, upload);
    const firstSeconds = (performance.now() - start) / 1000;
    const rssFirst = process.resourceUsage().maxRSS;

    const againStart = performance.now();
    const again = await importStatement(f.db, f.actors.operator, upload);
    const againSeconds = (performance.now() - againStart) / 1000;
    const rssAgain = process.resourceUsage().maxRSS;

    const e = statement.expected;
    const ok =
      first.imported === LINES - e.alreadyImported && first.alreadyImported === e.alreadyImported && first.byStatus.unmatched === e.unmatched &&
      first.byStatus.duplicate === e.duplicate && again.imported === 0 && again.alreadyImported === LINES;
    const rate = (seconds: number) => `${Math.round(LINES / seconds).toLocaleString('en-US').padStart(7)} lines/s`;
    console.log(`\n${kind}: file ${(statement.bytes.byteLength / 1024 / 1024).toFixed(1)} MB, ${orders.length} open orders named by ${e.issued + e.duplicate} lines, ${e.alreadyImported} notified before`);
    console.log(`  import     ${firstSeconds.toFixed(1).padStart(6)} s  ${rate(firstSeconds)}   recorded ${first.imported}, already ${first.alreadyImported}, matched ${first.byStatus.matched}, duplicate ${first.byStatus.duplicate}, unmatched ${first.byStatus.unmatched}`);
    console.log(`  re-import  ${againSeconds.toFixed(1).padStart(6)} s  ${rate(againSeconds)}   recorded ${again.imported}, already ${again.alreadyImported}`);
    console.log(`  peak RSS   before ${mb(rssBefore)}, after import ${mb(rssFirst)}, after re-import ${mb(rssAgain)}`);
    if (!ok) {
      console.error('  counts differ from the generated statement', { expected: e, first, again });
      process.exitCode = 1;
    }
  } finally {
    await f.close();
  }
}
