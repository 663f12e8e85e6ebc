import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock';

describe('embedded data directory lock', () => {
  const dir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lock-test-')), 'pglite');

  it('is taken by the first process and taken again harmlessly by the same one', () => {
    const dataDir = dir();
    lockDataDir(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(dataDir)).not.toThrow();
  });

  it('refuses a second live process, naming it', () => {
    const dataDir = dir();
    fs.writeFileSync(`${dataDir}.lock`, String(process.ppid));
    expect(() => lockDataDir(dataDir)).toThrow(new RegExp(`正被进程 ${process.ppid} 使用`));
  });

  it('takes over the lock of a process that has died', () => {
    const dataDir = dir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(`${dataDir}.lock`, dead);
    lockDataDir(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
  });
});
