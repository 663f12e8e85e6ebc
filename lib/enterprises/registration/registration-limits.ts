import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { countHit } from '@/lib/http/rate-limit';
import { rateLimitAddressKey } from '@/lib/http/rate-limit-address';

/** Public forms without an account behind them: each address gets so many tries an hour. */
export const REGISTRATION_LIMITS = {
  /** 提交注册 (successful or not): a person correcting a form needs a few, a script many. */
  submitsPerHour: 20,
  /** 统一社会信用代码 look-ups (is this enterprise on the platform already?). */
  lookupsPerHour: 60,
} as const;

/** Counts one try of `what` from the address and refuses past its hourly limit. */
export async function holdBackFloods(db: Kysely<Database>, what: keyof typeof REGISTRATION_LIMITS, clientAddress: string): Promise<void> {
  const limit = REGISTRATION_LIMITS[what];
  const { hits, retryAfterSeconds } = await countHit(db, { bucket: `register:${what}:${rateLimitAddressKey(clientAddress)}`, limit, windowSeconds: 60 * 60 });
  if (hits > limit) throw new DomainError('RATE_LIMITED', `操作过于频繁，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`);
}
