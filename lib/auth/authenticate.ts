import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { countHit, rateLimitReached, type RateLimit } from '@/lib/http/rate-limit';
import type { Actor } from './actor';
import { loadActor } from './load-actor';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password';

export const credentialsSchema = z.object({
  phone: z.string().trim().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号'),
  password: z.string().min(1, '请输入密码').max(128),
});

const FAILURE_WINDOW_SECONDS = 15 * 60;
/** Failed sign-ins allowed per account and per client address in a window, before both are held back. */
export const SIGN_IN_FAILURE_LIMITS = { perPhone: 5, perAddress: 30 } as const;

/**
 * The actor for a phone number and password, or null; never says which of the two was wrong. Failures
 * are counted per account and per client address (in the database, so every instance shares the count):
 * past the limit no password is even checked until the window ends, which makes guessing a password
 * slow without locking an account for good.
 */
export async function authenticate(db: Kysely<Database>, input: unknown, clientAddress = 'unknown'): Promise<Actor | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { phone, password } = parsed.data;
  const limits: RateLimit[] = [
    { bucket: `signin:phone:${phone}`, limit: SIGN_IN_FAILURE_LIMITS.perPhone, windowSeconds: FAILURE_WINDOW_SECONDS },
    { bucket: `signin:address:${clientAddress}`, limit: SIGN_IN_FAILURE_LIMITS.perAddress, windowSeconds: FAILURE_WINDOW_SECONDS },
  ];
  for (const limit of limits) {
    if (await rateLimitReached(db, limit)) throw new DomainError('RATE_LIMITED', '登录失败次数过多，请 15 分钟后再试');
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('phone', '=', phone)
    .where('active', '=', true)
    .executeTakeFirst();
  const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!user || !valid) {
    for (const limit of limits) await countHit(db, limit);
    return null;
  }
  return loadActor(db, { userId: user.id });
}
