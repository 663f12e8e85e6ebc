import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secret } from './secrets';

describe('development secrets', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-test-'));
    delete process.env.NEXTAUTH_SECRET;
    delete process.env.BANK_SECRET_DEMO;
    delete process.env.DATABASE_URL;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('generates each secret once and keeps it across calls', () => {
    const auth = secret('NEXTAUTH_SECRET');
    expect(auth).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secret('NEXTAUTH_SECRET')).toBe(auth);
    const bank = secret('BANK_SECRET_DEMO');
    expect(bank).not.toBe(auth);
    expect(JSON.parse(fs.readFileSync(path.join(process.env.DATA_DIR!, 'secrets.json'), 'utf8'))).toEqual({ NEXTAUTH_SECRET: auth, BANK_SECRET_DEMO: bank });
  });

  it('prefers the environment', () => {
    process.env.NEXTAUTH_SECRET = 'from-env';
    expect(secret('NEXTAUTH_SECRET')).toBe('from-env');
  });

  it('demands real secrets in production on PostgreSQL', () => {
    process.env.DATABASE_URL = 'postgres://x@y/z';
    (process.env as Record<string, string>).NODE_ENV = 'production';
    expect(() => secret('NEXTAUTH_SECRET')).toThrow(/必须通过环境变量提供 NEXTAUTH_SECRET/);
  });
});
