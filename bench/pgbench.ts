import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * The server's own yardstick: pgbench's TPC-B-like load (`pgbench -i`, then `-T seconds -c clients`) on
 * a scratch database of the same server, dropped afterwards. Returns tps (without connection time).
 */
export async function pgbenchTps(adminUrl: string, options: { seconds: number; clients: number }): Promise<number> {
  const name = `bg_pgbench_${randomBytes(6).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await adminQuery(adminUrl, `create database ${name}`);
  try {
    await run('pgbench', ['-i', '-q', url.toString()]);
    const threads = String(Math.min(options.clients, 2));
    const { stdout } = await run('pgbench', ['-T', String(options.seconds), '-c', String(options.clients), '-j', threads, url.toString()]);
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
    if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
    return Number(tps);
  } finally {
    await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  }
}

async function adminQuery(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
