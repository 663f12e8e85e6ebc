import os from 'node:os';
import { parseArgs } from 'node:util';
import { createDatabase, type DatabaseTarget } from '../db/create-database';
import { askHidden, InterruptedError } from '../lib/cli/ask-hidden';
import { choosePassword } from '../lib/cli/choose-password';
import { databaseTarget } from '../lib/config/runtime-config';
import { DomainError } from '../lib/errors/domain-error';
import { prepareDatabase } from '../lib/platform/prepare-database';
import { assertPhoneUnused, createPlatformAdmin, parsePlatformAdminIdentity } from '../lib/users/create-platform-admin';

// `npm run admin:create -- --phone <11 位手机号> --name <姓名>`: creates a platform administrator on the
// configured database (DATABASE_URL, else the embedded one under DATA_DIR; stop the app first there),
// migrating it first. The password is asked twice at a terminal, else read from ADMIN_PASSWORD.
// Exit codes: 0 created, 1 refused or failed (nothing written), 2 wrong usage, 130 cancelled.
const USAGE =
  '用法：npm run admin:create -- --phone <11 位手机号> --name <姓名>\n' +
  '  在终端中运行时输入两次密码；非终端（脚本、CI）时从环境变量 ADMIN_PASSWORD 读取密码。';

function usageError(problem: string): never {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
}

let values: { phone?: string; name?: string; help?: boolean };
try {
  ({ values } = parseArgs({ options: { phone: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
} catch (error) {
  usageError(`参数有误：${(error as Error).message}`);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.phone === undefined || values.name === undefined) usageError('缺少参数 --phone 或 --name。');

/** The database named as a person can check it, without the password a URL may hold. */
function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return `嵌入式数据库 ${target.dataDir}`;
  const url = new URL(target.url);
  url.password = '';
  return `PostgreSQL ${url.host}${url.pathname}`;
}

function ranAs(): { osUser: string | null; host: string | null } {
  let osUser: string | null = null;
  try {
    osUser = os.userInfo().username;
  } catch {
    // A container user without a passwd entry has no name to record.
  }
  return { osUser, host: os.hostname() || null };
}

async function main(): Promise<void> {
  // Phone and name first: a typo is reported before the database is opened or a password asked for.
  const identity = parsePlatformAdminIdentity({ phone: values.phone, name: values.name });
  const target = databaseTarget();
  const db = createDatabase(target);
  try {
    const prepared = await prepareDatabase(db);
    if (prepared.migrationsApplied.length) console.log(`已执行数据库迁移：${prepared.migrationsApplied.join(', ')}`);
    if (prepared.demoSeeded) console.log('已写入演示数据（嵌入式数据库或 SEED_DEMO=1 时的演示模式）');
    await assertPhoneUnused(db, identity.phone);
    const password = await choosePassword({
      interactive: process.stdin.isTTY === true,
      variable: 'ADMIN_PASSWORD',
      env: process.env,
      askHidden: (prompt) => askHidden(prompt),
      tell: (line) => console.error(line),
    });
    const created = await createPlatformAdmin(db, { ...identity, password }, ranAs());
    console.log(`已创建平台管理员 ${created.name}（${created.phone}），数据库：${describeTarget(target)}`);
    console.log('请用该手机号和密码登录 /admin，在“区域”“用户”中建立区域和各区域的管理员。');
  } finally {
    await db.destroy();
  }
}

await main().catch((error: unknown) => {
  if (error instanceof InterruptedError) {
    console.error('已取消，未创建账号。');
    process.exitCode = 130;
    return;
  }
  const message =
    error instanceof DomainError
      ? // A refused phone or name: its field's own message, without parseInput's form-oriented preamble.
        (error.code === 'VALIDATION_FAILED' && error.fieldErrors ? Object.values(error.fieldErrors).join('；') : error.message)
      : error instanceof Error
        ? error.message || (error as NodeJS.ErrnoException).code || error.name
        : String(error);
  console.error(`未创建平台管理员：${message}`);
  process.exitCode = 1;
});
