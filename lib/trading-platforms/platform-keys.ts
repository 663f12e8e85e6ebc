import type { PlatformKeyLookup } from '@/lib/outbox/deliver-platform-callback';

/** The enabled platform's secret and algorithm, for signing its callbacks (null: not registered or disabled). */
export const platformKeys: PlatformKeyLookup = async (db, platformCode) => {
  const row = await db
    .selectFrom('trading_platforms')
    .select(['secret', 'algorithm'])
    .where('code', '=', platformCode)
    .where('enabled', '=', true)
    .executeTakeFirst();
  return row ? { secret: row.secret, algorithm: row.algorithm } : null;
};
