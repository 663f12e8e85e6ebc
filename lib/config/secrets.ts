import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from './runtime-config';

/** Secrets the platform needs; each can come from the environment variable of the same name. */
export type SecretName = 'NEXTAUTH_SECRET' | 'BANK_SECRET_DEMO' | 'POLICY_MASTER_KEY' | 'AUDIT_CHECKPOINT_PRIVATE_KEY';

/**
 * Secrets come from the environment. A developer on the embedded database should not have to invent
 * them, so outside production a random value is generated once and kept under the data directory;
 * a production server on PostgreSQL must be given its secrets explicitly.
 */
export function secret(name: SecretName): string {
  const fromEnv = process.env[name];
  if (fromEnv) return fromEnv;
  if (process.env.DATABASE_URL && process.env.NODE_ENV === 'production') {
    throw new Error(`${name} 未设置：连接 PostgreSQL 的生产部署必须通过环境变量提供 ${name}`);
  }
  return generatedSecret(name);
}

function generatedSecret(name: SecretName): string {
  const file = path.join(dataDir(), 'secrets.json');
  const stored = readSecrets(file);
  if (stored[name]) return stored[name];
  const value = randomBytes(32).toString('base64url');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written whole under a temporary name and renamed, so a reader never sees half a file; if two
  // processes race, the last rename wins and both re-read it on their next call.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify({ ...stored, [name]: value }, null, 2), { mode: 0o600 });
  fs.renameSync(temporary, file);
  return readSecrets(file)[name] ?? value;
}

function readSecrets(file: string): Partial<Record<SecretName, string>> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Record<SecretName, string>>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}
