import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { countHit, uncountHit, type RateLimit } from '@/lib/http/rate-limit';
import type { Actor } from './actor';
import { loadActor } from './load-actor';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password';

export const credentialsSchema = z.object({
  phone: z.string().trim().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号'),
  password: z.string().min(1, '请输入密码').max(128),
});

const FAILURE_WINDOW_SECONDS = 15 * 60;
/**
 * Sign-in attempts allowed in a window before they are held back: per account from one address (the
 * usual mistyped password), per account from anywhere (a spread-out guess, set high so nobody can lock
 * an account out cheaply) and per address across accounts.
 */
export const SIGN_IN_LIMITS = { perPhoneAndAddress: 5, perPhone: 20, perAddress: 30 } as const;

/**
 * The actor for a phone number and password, or null; never says which of the two was wrong. Every
 * attempt is counted before its password is checked (in the database, so every instance shares the
 * count and parallel guesses cannot all slip through); a successful one takes its count back. Past a
 * limit no password is checked until the window ends.
 */
export async function authenticate(db: Kysely<Database>, input: unknown, clientAddress = 'unknown'): Promise<Actor | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { phone, password } = parsed.data;
  const limits: RateLimit[] = [
    { bucket: `signin:phone-address:${phone}:${clientAddress}`, limit: SIGN_IN_LIMITS.perPhoneAndAddress, windowSeconds: FAILURE_WINDOW_SECONDS },
    { bucket: `signin:phone:${phone}`, limit: SIGN_IN_LIMITS.perPhone, windowSeconds: FAILURE_WINDOW_SECONDS },
    { bucket: `signin:address:${clientAddress}`, limit: SIGN_IN_LIMITS.perAddress, windowSeconds: FAILURE_WINDOW_SECONDS },
  ];
  let heldBack = false;
  for (const limit of limits) if ((await countHit(db, limit)).hits > limit.limit) heldBack = true;
  if (heldBack) throw new DomainError('RATE_LIMITED', '登录失败次数过多，请 15 分钟后再试');
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('phone', '=', phone)
    .where('active', '=', true)
    .executeTakeFirst();
  const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!user || !valid) return null;
  for (const limit of limits) await uncountHit(db, limit);
  return loadActor(db, { userId: user.id });
}
