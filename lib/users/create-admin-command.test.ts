import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseTarget } from '@/db/create-database';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { authenticate } from '@/lib/auth/authenticate';
import { CREATE_PLATFORM_ADMIN_ACTION } from './create-platform-admin';

/*
 * `npm run admin:create` as a deployer runs it: the real script in a child process, its standard input not a
 * terminal (so the password comes from ADMIN_PASSWORD), on a database nobody has opened yet (so it migrates
 * first), with no NEXTAUTH_SECRET or other secret in its environment. Each test gets a database of its own.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const PASSWORD = 'Tianshan-2026';
const TIMEOUT = 180_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface FreshInstallation {
  /** How the command is pointed at the database. */
  env: Record<string, string>;
  target: DatabaseTarget;
  /** Removes the database (or data directory). */
  remove(): Promise<void>;
}

/** A data directory no process has used: the embedded database a first `npm start` would create. */
function freshDataDir(): FreshInstallation {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-admin-create-'));
  return {
    env: { DATA_DIR: dir, DATABASE_URL: '' },
    target: { kind: 'pglite', dataDir: path.join(dir, 'pglite') },
    remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** An empty database on the test server, not migrated: what a deployer creates with `createdb`. */
async function freshPostgresDatabase(adminUrl: string): Promise<FreshInstallation> {
  const name = `bg_admin_cli_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    // Production, with no secrets: the command must need nothing but the database.
    env: { DATABASE_URL: url.toString(), NODE_ENV: 'production' },
    target: { kind: 'postgres', url: url.toString(), maxConnections: 2 },
    remove: () => admin(`drop database if exists ${name} with (force)`),
  };
}

function runCreateAdmin(args: string[], env: Record<string, string>): Promise<Run> {
  const inherited = { ...process.env };
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'SEED_DEMO', 'ADMIN_PASSWORD', 'NEXTAUTH_SECRET', 'POLICY_MASTER_KEY', 'BANK_SECRET_DEMO']) delete inherited[name];
  return new Promise((resolve) => {
    execFile(TSX, ['scripts/create-admin.ts', ...args], { cwd: ROOT, env: { ...inherited, ...env }, timeout: TIMEOUT - 10_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Opens the installation after the command has exited (the embedded database admits one process at a time). */
async function inspect<T>(installation: FreshInstallation, look: (db: ReturnType<typeof createDatabase>) => Promise<T>): Promise<T> {
  const db = createDatabase(installation.target);
  try {
    return await look(db);
  } finally {
    await db.destroy();
  }
}

const targets: [string, () => Promise<FreshInstallation>][] = [['an embedded data directory', async () => freshDataDir()]];
const adminUrl = process.env.TEST_DATABASE_URL;
if (adminUrl) targets.push(['a fresh PostgreSQL database', () => freshPostgresDatabase(adminUrl)]);

describe.each(targets)('npm run admin:create on %s', (label, fresh) => {
  let installation: FreshInstallation | undefined;
  afterEach(async () => {
    await installation?.remove();
    installation = undefined;
  });

  it('migrates, creates the administrator, prints it and exits 0; the administrator can sign in', async () => {
    installation = await fresh();
    const run = await runCreateAdmin(['--phone', '13800000000', '--name', '张三'], { ...installation.env, ADMIN_PASSWORD: PASSWORD });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已执行数据库迁移：0001_foundation');
    expect(run.stdout).toContain('已创建平台管理员 张三（13800000000）');

    const seen = await inspect(installation, async (db) => ({
      signedIn: await authenticate(db, { phone: '13800000000', password: PASSWORD }),
      users: await db.selectFrom('users').select(['phone', 'role', 'must_change_password']).execute(),
      audit: await db.selectFrom('audit_events').select(['action', 'actor_label']).execute(),
      chain: await verifyAuditChain(db),
    }));
    expect(seen.signedIn).toMatchObject({ role: 'platform_admin', name: '张三' });
    expect(seen.audit).toContainEqual({ action: CREATE_PLATFORM_ADMIN_ACTION, actor_label: '张三（13800000000）' });
    expect(seen.chain.ok).toBe(true);
    if (label === 'a fresh PostgreSQL database') {
      // No SEED_DEMO: the administrator is the only account, and nothing of the demo is there.
      expect(seen.users).toEqual([{ phone: '13800000000', role: 'platform_admin', must_change_password: false }]);
      expect(seen.audit).toHaveLength(1);
    } else {
      // The embedded database is the demo: it is prepared as the app would, demo data included, before the administrator joins it.
      expect(run.stdout).toContain('已写入演示数据');
      expect(seen.users.length).toBeGreaterThan(1);
    }
  }, TIMEOUT);

  it('refuses a phone number that already has an account with exit code 1, writing nothing', async () => {
    installation = await fresh();
    expect((await runCreateAdmin(['--phone', '13800000001', '--name', '李四'], { ...installation.env, ADMIN_PASSWORD: PASSWORD })).code).toBe(0);
    const again = await runCreateAdmin(['--phone', '13800000001', '--name', '王五'], { ...installation.env, ADMIN_PASSWORD: 'Another-2026' });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('未创建平台管理员：手机号 13800000001 已有账号（李四），不能再创建');
    expect(again.stdout).not.toContain('已创建');
    const names = await inspect(installation, (db) => db.selectFrom('users').select('display_name').where('phone', '=', '13800000001').execute());
    expect(names).toEqual([{ display_name: '李四' }]);
  }, TIMEOUT);

  it('refuses a weak password and a missing ADMIN_PASSWORD with exit code 1, writing nothing', async () => {
    installation = await fresh();
    const weak = await runCreateAdmin(['--phone', '13800000002', '--name', '赵六'], { ...installation.env, ADMIN_PASSWORD: 'tianshan' });
    expect([weak.code, weak.stderr.trim()]).toEqual([1, '未创建平台管理员：密码至少 10 位']);
    const noPassword = await runCreateAdmin(['--phone', '13800000002', '--name', '赵六'], installation.env);
    expect([noPassword.code, noPassword.stderr.trim()]).toEqual([1, '未创建平台管理员：标准输入不是终端，无法询问密码：请通过环境变量 ADMIN_PASSWORD 提供密码']);
    expect(noPassword.stdout).not.toContain('已创建');
    const users = await inspect(installation, (db) => db.selectFrom('users').select('phone').where('phone', '=', '13800000002').execute());
    expect(users).toEqual([]);
  }, TIMEOUT);
});

describe('npm run admin:create with wrong arguments', () => {
  // Refused before the database is opened: the data directory it names is never even created.
  const dir = path.join(os.tmpdir(), `bg-admin-create-unused-${randomBytes(4).toString('hex')}`);
  const env = { DATA_DIR: dir, DATABASE_URL: '', ADMIN_PASSWORD: PASSWORD };
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['an invalid phone', ['--phone', '1380000000', '--name', '赵六'], 1, '未创建平台管理员：手机号应为 11 位数字的中国大陆手机号（以 1 开头）'],
    ['an odd name', ['--phone', '13800000003', '--name', '赵六2'], 1, '未创建平台管理员：姓名只能由文字组成（可含间隔号“·”、空格或连字符），不能含数字或其他符号'],
    ['an unknown option', ['--phone', '13800000003', '--name', '赵六', '--role', 'operator'], 2, "参数有误：Unknown option '--role'"],
  ])('refuses %s with a Chinese message and a non-zero exit, opening no database', async (_label, args, code, message) => {
    const run = await runCreateAdmin(args, env);
    expect(run.code).toBe(code);
    expect(run.stderr.split('\n')[0]).toContain(message);
    if (code === 2) expect(run.stderr).toContain('用法：npm run admin:create -- --phone <11 位手机号> --name <姓名>');
    expect(fs.existsSync(dir)).toBe(false);
  }, TIMEOUT);
});
