import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from './runtime-config';

type SecretName = 'NEXTAUTH_SECRET';

/**
 * Secrets come from the environment. A developer on the embedded database should not have to invent
 * one, so outside production a random value is generated once and kept under the data directory;
 * a production server on PostgreSQL must be given its secrets explicitly.
 */
export function secret(name: SecretName): string {
  const fromEnv = process.env[name];
  if (fromEnv) return fromEnv;
  if (process.env.DATABASE_URL && process.env.NODE_ENV === 'production') {
    throw new Error(`${name} 未设置：连接 PostgreSQL 的生产部署必须通过环境变量提供 ${name}`);
  }
  return generatedSecrets()[name];
}

function generatedSecrets(): Record<SecretName, string> {
  const file = path.join(dataDir(), 'secrets.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<SecretName, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secrets: Record<SecretName, string> = { NEXTAUTH_SECRET: randomBytes(32).toString('base64url') };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // 'wx' so that two processes starting at once agree on the first file written.
  try {
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { flag: 'wx', mode: 0o600 });
    return secrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<SecretName, string>;
  }
}
