import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import { inRegionOrPlatform, inSameRegion } from '@/lib/regions/region-filters';
import { now } from '@/lib/time/clock';
import { inForceAt, latestInForceFirst } from '@/lib/versioning/in-force';

export interface EffectiveVersion {
  id: string;
  version: number;
  region_id: string | null;
  document: unknown;
}

/**
 * The version in force for a region at `at` (default now): the region's own when it has one in force, else
 * the baseline's; a scheduled version decides from its 生效时间 on (lib/versioning/in-force.ts).
 */
export function effectiveVersionQuery(
  db: Kysely<Database> | Transaction<Database>,
  key: RuleSetKey,
  regionId: string | null,
  at: Date = now(),
  pastMoment = false,
) {
  return (
    db
      .selectFrom('rule_set_versions')
      .select(['id', 'version', 'region_id', 'document'])
      .where('rule_set_key', '=', key)
      .where(inForceAt(at, pastMoment))
      .where(regionId === null ? inSameRegion('region_id', null) : inRegionOrPlatform('region_id', regionId))
      // Nulls sort last in ascending order: the region's own version wins over the baseline.
      .orderBy('region_id', 'asc')
      .orderBy(latestInForceFirst)
      .limit(1)
  );
}

/**
 * The version that decides for a region, read from the database as `db` sees it (inside a transaction,
 * with that transaction's own changes). Publishing checks structure against it; decisions go through
 * the cache in decide() instead.
 */
export function findEffectiveVersion(
  db: Kysely<Database> | Transaction<Database>,
  key: RuleSetKey,
  regionId: string | null,
): Promise<EffectiveVersion | undefined> {
  return effectiveVersionQuery(db, key, regionId).executeTakeFirst();
}
