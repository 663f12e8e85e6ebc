import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { countHit, uncountHit, type RateLimit } from '@/lib/http/rate-limit';
import { rateLimitAddressKey } from '@/lib/http/rate-limit-address';
import { now } from '@/lib/time/clock';
import { findMalformedText } from '@/lib/validation/well-formed-text';
import type { Actor } from './actor';
import { isKnownSignInAddress, rememberSignInAddress } from './known-sign-in-addresses';
import { loadActor } from './load-actor';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password';

export const credentialsSchema = z.object({
  phone: z.string().trim().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号'),
  password: z.string().min(1, '请输入密码').max(128),
});

const FAILURE_WINDOW_SECONDS = 15 * 60;

/**
 * Failed sign-ins allowed in a 15-minute window before further attempts are held back:
 * - perPhoneAndAddress: one account from one address (a mistyped password; a guesser at one address);
 * - perAddress: one address across accounts (a guesser trying many accounts);
 * - perPhone: one account from everywhere (a guesser spread over many addresses). This ceiling holds
 *   back only addresses the account has not signed in from successfully in the last 90 days, so a
 *   stranger who spends it locks out other strangers, never the owner at a known address.
 */
export const SIGN_IN_LIMITS = { perPhoneAndAddress: 5, perAddress: 30, perPhone: 20 } as const;

const HELD_BACK = '登录失败次数过多，请 15 分钟后再试';

/** A signed-in actor and the session version its token is issued at (lib/auth/session-version.ts). */
export type SignedIn = Actor & { sessionVersion: number };

/**
 * The actor for a phone number and password, or null; never says which of the two was wrong. Every
 * attempt is counted before its password is checked (in the database, so every instance shares the
 * count and parallel guesses cannot all slip through); a successful one takes its count back, makes
 * its address known to the account and is recorded as its last sign-in. Past a limit no password is
 * checked until the window ends.
 */
export async function authenticate(db: Kysely<Database>, input: unknown, clientAddress = 'unknown'): Promise<SignedIn | null> {
  if (findMalformedText(input)) return null;
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { phone, password } = parsed.data;
  const address = rateLimitAddressKey(clientAddress);
  const window = { windowSeconds: FAILURE_WINDOW_SECONDS };
  const perPhoneAndAddress: RateLimit = { bucket: `signin:phone-address:${phone}:${address}`, limit: SIGN_IN_LIMITS.perPhoneAndAddress, ...window };
  const perAddress: RateLimit = { bucket: `signin:address:${address}`, limit: SIGN_IN_LIMITS.perAddress, ...window };
  const perPhone: RateLimit = { bucket: `signin:phone:${phone}`, limit: SIGN_IN_LIMITS.perPhone, ...window };
  const counted = [perPhoneAndAddress, perAddress, perPhone];
  const over = new Set<RateLimit>();
  for (const limit of counted) if ((await countHit(db, limit)).hits > limit.limit) over.add(limit);

  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'session_version'])
    .where('phone', '=', phone)
    .where('active', '=', true)
    .executeTakeFirst();
  if (over.has(perPhoneAndAddress) || over.has(perAddress)) throw new DomainError('RATE_LIMITED', HELD_BACK);
  const known = user && address !== 'unknown' && (await isKnownSignInAddress(db, user.id, address));
  if (over.has(perPhone) && !known) throw new DomainError('RATE_LIMITED', HELD_BACK);

  const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!user || !valid) return null;
  for (const limit of counted) await uncountHit(db, limit);
  // 'unknown' is everyone whose address could not be told apart; it must never become known.
  if (address !== 'unknown') await rememberSignInAddress(db, user.id, address);
  // Shown in the users list (最近登录): an account nobody has used for months is one to deactivate.
  await db.updateTable('users').set({ last_signed_in_at: now() }).where('id', '=', user.id).execute();
  const actor = await loadActor(db, { userId: user.id });
  return actor && { ...actor, sessionVersion: user.session_version };
}
