import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../testing/free-port';

// CI's deployment smoke (.ci/run, after `npm test` has built the app): a real installation as the README's
// *Deploy on PostgreSQL* describes it, on a database nobody has used, without SEED_DEMO.
//   1. an empty database; 2. `npm run admin:create` on it (not a terminal: ADMIN_PASSWORD);
//   3. the built app started on it (`npm start`, production, its own secrets);
//   4. the administrator signs in through next-auth's credentials endpoint, the session names them,
//      /admin and the back office's API answer them, the audit chain holds the creation and verifies;
//      no demo account exists; the sign-in is recorded;
//   5. signing out ends the session on the server: the copied session cookie is refused at once.
// Needs TEST_DATABASE_URL (a role that may create databases). Stops the server and drops the database
// whatever happens; exits non-zero, with the server's log, on any failure.

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const ADMIN = { phone: '13800000000', name: '部署管理员', password: `Smoke-${randomBytes(6).toString('hex')}` };
const started = Date.now();

function step(message: string) {
  console.log(`[smoke ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);
}

function check(condition: unknown, problem: string): asserts condition {
  if (!condition) throw new Error(problem);
}

async function adminQuery<T extends pg.QueryResultRow>(url: string, statement: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(statement, values)).rows;
  } finally {
    await client.end();
  }
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, args, { cwd: ROOT, env, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** A browser's cookie jar, as far as next-auth's cookies need one (one host, no paths). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  find(suffix: string): string | undefined {
    const entry = [...this.cookies].find(([name]) => name.endsWith(suffix));
    return entry && `${entry[0]}=${entry[1]}`;
  }
}

/** A client of the started app: a browser's requests (same Origin, cookies kept), redirects not followed. */
function client(base: string) {
  const jar = new CookieJar();
  const request = async (pathname: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', jar.header());
    headers.set('origin', base);
    const response = await fetch(new URL(pathname, base), { ...init, headers, redirect: 'manual' });
    jar.take(response);
    return response;
  };
  const form = (pathname: string, fields: Record<string, string>) =>
    request(pathname, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
  const csrfToken = async () => ((await (await request('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
  return {
    jar,
    request,
    async signIn(phone: string, password: string) {
      const answer = await form('/api/auth/callback/credentials', { csrfToken: await csrfToken(), phone, password, callbackUrl: `${base}/admin`, json: 'true' });
      return { status: answer.status, url: ((await answer.json()) as { url?: string }).url ?? '' };
    },
    async signOut() {
      const answer = await form('/api/auth/signout', { csrfToken: await csrfToken(), callbackUrl: `${base}/login`, json: 'true' });
      check(answer.ok, `退出登录失败：HTTP ${answer.status}`);
    },
  };
}

async function waitUntilServing(base: string, server: ChildProcess) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    check(server.exitCode === null && server.signalCode === null, `应用进程已退出（${server.exitCode ?? server.signalCode}）`);
    try {
      if ((await fetch(`${base}/login`, { redirect: 'manual' })).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('应用 90 秒内未开始服务');
}

async function stop(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const forced = setTimeout(() => server.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(forced);
}

async function smoke(databaseUrl: string, serverLog: string[], servers: ChildProcess[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production' };
  for (const name of ['SEED_DEMO', 'DATA_DIR', 'NEXTAUTH_SECRET', 'POLICY_MASTER_KEY', 'AUDIT_CHECKPOINT_PRIVATE_KEY', 'BANK_SECRET_DEMO', 'E2E_CLOCK_CONTROL', 'ADMIN_PASSWORD']) delete env[name];

  step('npm run admin:create on the empty database');
  const created = await run(['scripts/create-admin.ts', '--phone', ADMIN.phone, '--name', ADMIN.name], { ...env, ADMIN_PASSWORD: ADMIN.password });
  process.stdout.write(`${created.stdout.trimEnd().replace(/^/gm, '  | ')}\n`);
  check(created.code === 0, `admin:create 失败（退出码 ${created.code}）：${created.stderr}`);
  check(created.stdout.includes(`已创建平台管理员 ${ADMIN.name}（${ADMIN.phone}）`), 'admin:create 没有报告创建的管理员');

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  step(`starting the built app on ${base} (no SEED_DEMO)`);
  // node itself with tsx as a loader (not the tsx wrapper, which runs node as a child): the process signalled is the server.
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-server.ts', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: {
      ...env,
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
      POLICY_MASTER_KEY: randomBytes(32).toString('base64'),
      AUDIT_CHECKPOINT_PRIVATE_KEY: generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      DATABASE_POOL_SIZE: '4',
      // Two app processes on the one port, as a deployment on PostgreSQL may run them: the first migrates
      // the empty database, the second starts once it listens, and either may answer any request below.
      WEB_CONCURRENCY: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(server);
  server.stdout!.on('data', (chunk: Buffer) => serverLog.push(chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => serverLog.push(chunk.toString()));
  await waitUntilServing(base, server);
  const deadline = Date.now() + 60_000;
  while ((serverLog.join('').match(/应用进程 \d（pid \d+）已就绪/g) ?? []).length < 2) {
    check(Date.now() < deadline, '第二个应用进程 60 秒内未就绪');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  step('both app processes (WEB_CONCURRENCY=2) serve the port');

  step('no demo data: a demo account cannot sign in, the administrator is the only user');
  const stranger = client(base);
  const demo = await stranger.signIn('13900000006', 'demo1234');
  check(demo.url.includes('error=CredentialsSignin'), `演示账号竟然能登录：${demo.url}`);
  const users = await adminQuery<{ phone: string; role: string }>(databaseUrl, 'select phone, role from users');
  check(users.length === 1 && users[0]!.phone === ADMIN.phone && users[0]!.role === 'platform_admin', `用户表应只有新管理员：${JSON.stringify(users)}`);

  step('the administrator signs in through the credentials endpoint');
  const browser = client(base);
  const signedIn = await browser.signIn(ADMIN.phone, ADMIN.password);
  check(signedIn.status === 200 && !signedIn.url.includes('error='), `管理员登录失败：HTTP ${signedIn.status} ${signedIn.url}`);
  const session = (await (await browser.request('/api/auth/session')).json()) as { user?: { name?: string; role?: string } };
  check(session.user?.name === ADMIN.name && session.user.role === 'platform_admin', `会话不是新管理员：${JSON.stringify(session)}`);
  const [signIn] = await adminQuery<{ last_signed_in_at: Date | null }>(databaseUrl, 'select last_signed_in_at from users where phone = $1', [ADMIN.phone]);
  check(signIn?.last_signed_in_at, '登录后 users.last_signed_in_at 仍为空');

  step('/admin and the back office API answer the administrator');
  const adminPage = await browser.request('/admin');
  check(adminPage.status === 200, `/admin 应返回 200，实际 ${adminPage.status} ${adminPage.headers.get('location') ?? ''}`);
  check((await adminPage.text()).includes('管理后台 - 电子保函服务平台'), '/admin 不是管理后台页面');
  const anonymous = await stranger.request('/admin');
  check(anonymous.status === 307 && anonymous.headers.get('location')?.includes('/login'), `未登录访问 /admin 应转到登录页，实际 ${anonymous.status}`);
  const events = await browser.request('/api/admin/audit-events?range=[0,9]');
  check(events.status === 200, `审计日志接口应返回 200，实际 ${events.status}`);
  const rows = (await events.json()) as { action: string; actor_label: string }[];
  check(rows.some((r) => r.action === 'user.create_platform_admin' && r.actor_label === `${ADMIN.name}（${ADMIN.phone}）`), `审计日志中没有命令行创建管理员：${JSON.stringify(rows)}`);
  const chain = (await (await browser.request('/api/admin/audit-chain')).json()) as { ok?: boolean };
  check(chain.ok === true, `审计链校验失败：${JSON.stringify(chain)}`);

  step('signing out ends the session on the server: the copied cookie is refused');
  const copied = browser.jar.find('next-auth.session-token');
  check(copied, '登录后没有会话 Cookie');
  await browser.signOut();
  const replayed = await fetch(`${base}/api/admin/audit-events?range=[0,9]`, { headers: { cookie: copied } });
  check(replayed.status === 401, `退出后复制的会话 Cookie 仍然有效：HTTP ${replayed.status}`);
  const replayedPage = await fetch(`${base}/admin`, { headers: { cookie: copied }, redirect: 'manual' });
  check(replayedPage.status === 307 && replayedPage.headers.get('location')?.includes('/login'), `退出后复制的 Cookie 仍能打开 /admin：${replayedPage.status}`);
}

async function main() {
  const adminUrl = process.env.TEST_DATABASE_URL;
  check(adminUrl, '需要 TEST_DATABASE_URL（可建库的 PostgreSQL 角色）');
  check(fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID')), '没有构建产物：先运行 npm run build（CI 中 npm test 已构建）');
  const name = `bg_smoke_${randomBytes(5).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const serverLog: string[] = [];
  const servers: ChildProcess[] = [];
  step(`creating the empty database ${name}`);
  await adminQuery(adminUrl, `create database ${name}`);
  try {
    await smoke(url.toString(), serverLog, servers);
    step('passed');
  } catch (error) {
    console.error(`\n[smoke] FAILED: ${(error as Error).message}\n--- server log ---\n${serverLog.join('')}--- end of server log ---`);
    process.exitCode = 1;
  } finally {
    for (const server of servers) await stop(server);
    await adminQuery(adminUrl, `drop database if exists ${name} with (force)`).catch((error: unknown) => {
      console.error(`[smoke] could not drop ${name}: ${(error as Error).message}`);
      process.exitCode = 1;
    });
    step(`stopped the app, dropped ${name}; ${process.exitCode ? 'FAILED' : 'ok'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

await main();
