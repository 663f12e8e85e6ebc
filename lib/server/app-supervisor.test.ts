import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { childPids } from '@/testing/child-processes';
import { freePort } from '@/testing/free-port';

// npm start's supervisor (app-supervisor.ts) with real processes: the supervisor and its app processes
// are started as npm start starts them, over a tiny app (test-fixtures/echo-app-process.ts) rather than
// Next.js, so each case takes a second or two rather than a build.

const SUPERVISOR = path.join(import.meta.dirname, 'test-fixtures/echo-supervisor.ts');
const APP = 'echo-app-process.ts';

interface Supervised {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: Supervised[] = [];

afterEach(async () => {
  for (const s of started.splice(0)) {
    try {
      process.kill(-s.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    await s.exited;
  }
});

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts the supervisor in a process group of its own; resolves once it says it listens (unless `waitListening` is false). */
async function supervise(env: Record<string, string> = {}, waitListening = true): Promise<Supervised> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', SUPERVISOR, String(port)], {
    env: { ...process.env, DATABASE_URL: 'postgres://unused', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const s: Supervised = { child, port, output: () => output, exited };
  started.push(s);
  if (waitListening) await until(`the supervisor on ${port}`, () => (output.includes('listening on') ? true : undefined));
  return s;
}

/** One request on a connection of its own (no agent: each is a new connection, as a bank's often are). */
function get(port: number, pathname: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, agent: false }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) as Record<string, unknown> }));
      })
      .on('error', reject);
  });
}

/** The inode of the socket listening on 127.0.0.1:port, from /proc/net/tcp. */
function listeningInode(port: number): string {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const line = fs
    .readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find((fields) => fields[1] === `0100007F:${hexPort}` && fields[3] === '0A');
  if (!line) throw new Error(`nothing listens on 127.0.0.1:${port}`);
  return line[9]!;
}

/** How many of the process's file descriptors are that socket. */
function copiesHeld(pid: number, inode: string): number {
  return fs.readdirSync(`/proc/${pid}/fd`).filter((fd) => {
    try {
      return fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`;
    } catch {
      return false;
    }
  }).length;
}

const appPids = (s: Supervised) => childPids(s.child.pid!, APP);

function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

describe('npm start supervisor', () => {
  it('serves on the port from an app process that watches ACCEPTS_PER_TURN copies of the socket; the supervisor keeps one and accepts on none', async () => {
    const s = await supervise({ ACCEPTS_PER_TURN: '6' });
    const answer = await get(s.port, '/whoami');
    expect(answer.status).toBe(200);
    const [app] = appPids(s);
    expect(answer.body).toEqual({ pid: app, index: 0 });
    const inode = listeningInode(s.port);
    expect(copiesHeld(app!, inode)).toBe(6);
    expect(copiesHeld(s.child.pid!, inode)).toBe(1);
  });

  it('accepts as many queued connections in one turn of the event loop as it watches copies (one with a single copy)', async () => {
    for (const copies of [1, 8]) {
      const s = await supervise({ ACCEPTS_PER_TURN: String(copies) });
      await get(s.port, '/block?queued=12');
      // Twelve banks connect while the app's event loop is busy (until all twelve wait in the accept queue).
      const waiting = Array.from({ length: 12 }, () => get(s.port, '/whoami'));
      const answers = await Promise.all(waiting);
      expect(answers.every((a) => a.status === 200)).toBe(true);
      const { body } = await get(s.port, '/accepted-after-block');
      expect(body.acceptedAfterBlock, `${copies} copies`).toBe(copies);
    }
  });

  it('runs WEB_CONCURRENCY app processes on PostgreSQL, each with its own copies of the one socket', async () => {
    const s = await supervise({ WEB_CONCURRENCY: '2', ACCEPTS_PER_TURN: '3' });
    const pids = await until('two app processes listening', () => (s.output().match(/已就绪/g)?.length === 2 ? appPids(s) : undefined));
    expect(pids).toHaveLength(2);
    const inode = listeningInode(s.port);
    expect(pids.map((pid) => copiesHeld(pid, inode))).toEqual([3, 3]);
  });

  it('replaces an app process that crashes, and the port stays open meanwhile: a connection made during the restart is answered by the new process', async () => {
    const s = await supervise({ ACCEPTS_PER_TURN: '2' });
    const before = (await get(s.port, '/whoami')).body.pid;
    await get(s.port, '/exit?code=3');
    await until('the crash noticed', () => (s.output().includes('意外退出（退出码 3）') ? true : undefined));
    const during = await get(s.port, '/whoami');
    expect(during.status).toBe(200);
    expect(during.body.pid).not.toBe(before);
    expect(during.body.index).toBe(0);
    expect(appPids(s)).toEqual([during.body.pid]);
  });

  it('stops for good, with an error, when replacements keep crashing', async () => {
    const s = await supervise({ ACCEPTS_PER_TURN: '1' });
    for (let crash = 1; crash <= 5; crash++) {
      await until(`app process ${crash} answering`, async () => ((await get(s.port, '/whoami').catch(() => undefined))?.status === 200 ? true : undefined));
      await get(s.port, '/exit?code=9');
      if (crash < 5) await until(`crash ${crash} noticed`, () => (s.output().split('意外退出').length - 1 >= crash ? true : undefined));
    }
    expect(await s.exited).toEqual({ code: 1, signal: null });
    expect(s.output()).toContain('一分钟内已退出 5 次，停止');
  }, 60_000);

  it('exits with the app process’s code when it fails before serving (a configuration error, not a crash to retry)', async () => {
    const s = await supervise({ ECHO_FAIL_BEFORE_READY: '1' }, false);
    expect(await s.exited).toEqual({ code: 7, signal: null });
    expect(s.output()).toContain('在开始服务前退出（退出码 7），停止');
  });

  it('on SIGTERM answers the request in flight, refuses new connections, and every process exits with 0', async () => {
    const s = await supervise({ ACCEPTS_PER_TURN: '2' });
    const [app] = appPids(s);
    const inFlight = get(s.port, '/slow?ms=800');
    await until('the slow request in the app', () => (s.output().includes('slow request started') ? true : undefined));
    s.child.kill('SIGTERM');
    await expect(inFlight).resolves.toMatchObject({ status: 200, body: { waited: 800 } });
    expect(await s.exited).toEqual({ code: 0, signal: null });
    expect(isGone(app!), 'the app process is gone').toBe(true);
    await expect(get(s.port, '/whoami')).rejects.toThrow();
  });

  it('on SIGTERM a kept-alive connection the client keeps busy is closed after the answer in flight, not served on until the cap', async () => {
    const s = await supervise({ ACCEPTS_PER_TURN: '2' });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    let stopSent = false;
    let answeredAfterStop = 0;
    const once = () =>
      new Promise<void>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port: s.port, path: '/slow?ms=100', agent }, (response) => {
            response.resume();
            response.on('end', () => {
              if (stopSent) answeredAfterStop++;
              resolve();
            });
          })
          .on('error', reject);
      });
    // A bank's pool: one connection, a request on it as soon as the last is answered.
    const busy = (async () => {
      for (;;) await once();
    })().catch(() => undefined);
    await until('a few requests on the kept-alive connection', () => (s.output().split('slow request started').length > 3 ? true : undefined));
    stopSent = true;
    s.child.kill('SIGTERM');
    expect(await s.exited).toEqual({ code: 0, signal: null });
    await busy;
    agent.destroy();
    // Served on until the 5 s cap, it would have answered about fifty more.
    expect(answeredAfterStop).toBeLessThanOrEqual(2);
  });

  it('a second SIGTERM does not wait for the requests in flight', async () => {
    const s = await supervise({ ACCEPTS_PER_TURN: '1' });
    const [app] = appPids(s);
    const inFlight = get(s.port, '/slow?ms=4000').then(
      () => 'answered',
      () => 'cut',
    );
    await until('the slow request in the app', () => (s.output().includes('slow request started') ? true : undefined));
    s.child.kill('SIGTERM');
    await until('the stop begun', () => (s.output().includes('停止接受新请求') ? true : undefined));
    s.child.kill('SIGTERM');
    expect(await s.exited).toEqual({ code: 1, signal: null });
    expect(await inFlight).toBe('cut');
    await until('the app process killed', () => (isGone(app!) ? true : undefined));
  });

  it('an app process whose supervisor is killed stops by itself', async () => {
    const s = await supervise({ ACCEPTS_PER_TURN: '1' });
    const [app] = appPids(s);
    process.kill(s.child.pid!, 'SIGKILL');
    await until('the orphaned app process gone', () => (isGone(app!) ? true : undefined));
  });

  it('refuses WEB_CONCURRENCY above 1 on the embedded database, and malformed settings, before starting anything', async () => {
    const pglite = await supervise({ DATABASE_URL: '', WEB_CONCURRENCY: '2' }, false);
    expect((await pglite.exited).code).not.toBe(0);
    expect(pglite.output()).toContain('WEB_CONCURRENCY=2 需要 PostgreSQL（DATABASE_URL）');
    const malformed = await supervise({ ACCEPTS_PER_TURN: '0' }, false);
    expect((await malformed.exited).code).not.toBe(0);
    expect(malformed.output()).toContain('ACCEPTS_PER_TURN 应为 1 到 128 的整数');
  });
});
