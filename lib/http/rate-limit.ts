import { sql, type Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';

export interface RateLimit {
  /** What is counted, e.g. `verify:203.0.113.7`. */
  bucket: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one hit in a fixed window kept in the database, so every app instance shares the count, and
 * refuses once the window's limit is passed. One upsert: concurrent hits each get their own number.
 */
export async function consumeRateLimit(db: Kysely<Database>, limit: RateLimit): Promise<void> {
  const { hits, retryAfterSeconds } = await countHit(db, limit);
  if (hits > limit.limit) throw new DomainError('RATE_LIMITED', `查询过于频繁，请 ${retryAfterSeconds} 秒后再试`);
}

/** Counts one hit without refusing it (e.g. a failed sign-in), and says how many the window holds now. */
export async function countHit(db: Kysely<Database>, { bucket, windowSeconds }: RateLimit) {
  const at = now();
  const windowStart = windowOf(at, windowSeconds);
  const row = await db
    .insertInto('rate_limit_windows')
    .values({ bucket, window_start: windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet({ hits: sql<number>`rate_limit_windows.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return { hits: row.hits, retryAfterSeconds: Math.ceil((windowStart.getTime() + windowSeconds * 1000 - at.getTime()) / 1000) };
}

/** Takes back a hit counted in the current window (an attempt that turned out fine). */
export async function uncountHit(db: Kysely<Database>, { bucket, windowSeconds }: RateLimit): Promise<void> {
  await db
    .updateTable('rate_limit_windows')
    .set({ hits: sql<number>`greatest(hits - 1, 0)` })
    .where('bucket', '=', bucket)
    .where('window_start', '=', windowOf(now(), windowSeconds))
    .execute();
}

const windowOf = (at: Date, windowSeconds: number) => new Date(Math.floor(at.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);

/** Windows older than a day count for nothing; the scheduled jobs clear them. */
export async function pruneRateLimitWindows(db: Kysely<Database>): Promise<number> {
  const result = await db
    .deleteFrom('rate_limit_windows')
    .where('window_start', '<', new Date(now().getTime() - 24 * 60 * 60 * 1000))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
