import fs from 'node:fs';

/**
 * PGlite has no server to arbitrate between processes: two processes opening the same data directory
 * corrupt it. The first process takes a lock file naming its pid; another process is refused with a
 * message saying who holds it. A lock left by a process that has died is taken over.
 */
export function lockDataDir(dataDir: string): void {
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      process.once('exit', () => fs.rmSync(lockFile, { force: true }));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (holder === process.pid) return;
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
      throw new Error(
        `嵌入式数据库 ${dataDir} 正被进程 ${holder} 使用。PGlite 只允许一个进程访问同一数据目录：` +
          '请先停止该进程，或使用 DATABASE_URL 连接 PostgreSQL 以运行多个进程。',
      );
    }
    fs.rmSync(lockFile, { force: true });
  }
  throw new Error(`无法获取嵌入式数据库锁 ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
