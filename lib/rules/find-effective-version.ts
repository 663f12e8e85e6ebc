import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import { inRegionOrPlatform, inSameRegion } from '@/lib/regions/region-filters';

/**
 * The version that decides for a region: the region's own published version when it has one, else
 * the published baseline. Read on every decision, so a publish anywhere is seen by the next decision
 * in every app instance; only the engine built from an (immutable) version is cached.
 */
export function findEffectiveVersion(db: Kysely<Database> | Transaction<Database>, key: RuleSetKey, regionId: string | null) {
  let query = db
    .selectFrom('rule_set_versions')
    .select(['id', 'version', 'region_id', 'document'])
    .where('rule_set_key', '=', key)
    .where('status', '=', 'published');
  query = query.where(regionId === null ? inSameRegion('region_id', null) : inRegionOrPlatform('region_id', regionId));
  // Nulls sort last in ascending order: the region's own version wins over the baseline.
  return query.orderBy('region_id', 'asc').limit(1).executeTakeFirst();
}
