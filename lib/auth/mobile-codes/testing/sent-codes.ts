import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';

/** For tests: the code in the latest text sent to the number (the embedded provider logs it whole). */
export async function lastSentCode(db: Kysely<Database>, phone: string): Promise<string> {
  const message = await db.selectFrom('sms_messages').select('body').where('phone', '=', phone).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const code = message?.body.match(/验证码 (\d{6})/)?.[1];
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}

let next = 0;

/**
 * For tests: a mobile number nobody in the database has, different on every call (13800000000 and up,
 * offset by the process, so test files running side by side on one PostgreSQL server do not meet).
 */
export function freshPhone(): string {
  next += 1;
  return `138${String((process.pid * 7919 + next) % 100_000_000).padStart(8, '0')}`;
}

/** A code that is not `code`: the same six digits, the last one moved on. */
export function wrongCode(code: string): string {
  return code.slice(0, 5) + String((Number(code[5]) + 1) % 10);
}

let nextAddress = 0;

/** For tests: a client address no other call used (198.18.0.0/15, the benchmarking range), so limits do not meet. */
export function freshAddress(): string {
  nextAddress += 1;
  return `198.18.${Math.floor(nextAddress / 250) % 250}.${(nextAddress % 250) + 1}`;
}
