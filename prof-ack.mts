import { openDemoFixture } from '@/db/testing/demo-fixture';
import { createRushBidders } from './e2e/support/rush-bidders';
import { signedNotification } from './e2e/bank';
import { receiveBankNotification } from '@/lib/payments/receive-bank-notification';
import { Session } from 'node:inspector/promises';
import fs from 'node:fs';
const kind = (process.argv[2] ?? 'postgres') as 'postgres' | 'pglite';
const f = await openDemoFixture(kind);
const N = 120;
const payments = await createRushBidders(f, N);
const secret = 's3cret-s3cret-s3cret';
const session = new Session(); session.connect();
await session.post('Profiler.enable'); 
const times: number[] = []; const cpu: number[] = [];
for (let i = 0; i < N; i++) {
  if (i === 20) await session.post('Profiler.start');
  const p = payments[i]!;
  const { headers, body } = signedNotification(secret, p.transfer, p.bankTime);
  const t = performance.now(); const c = process.cpuUsage();
  await receiveBankNotification(f.db, { bankCode: 'demo', secret, timestamp: headers['x-bank-timestamp'], signature: headers['x-bank-signature'], body });
  const d = process.cpuUsage(c); times.push(performance.now() - t); cpu.push((d.user + d.system) / 1000);
}
const { profile } = await session.post('Profiler.stop');
fs.writeFileSync('/tmp/ack.cpuprofile', JSON.stringify(profile));
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!.toFixed(1);
console.log(kind, 'wall median', med(times.slice(20)), 'ms; cpu median', med(cpu.slice(20)), 'ms');
await f.close();
