import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { inRegionOrPlatform } from '@/lib/regions/region-filters';
import { now } from '@/lib/time/clock';
import { inForceAt, latestInForceFirst } from '@/lib/versioning/in-force';

/**
 * The form a region's applicants fill at `at` (default now): the region's own version of the form in
 * force, else the platform's; a scheduled version applies from its 生效时间 on (lib/versioning/in-force.ts).
 */
export function findEffectiveForm(db: Kysely<Database> | Transaction<Database>, formKey: string, regionId: string, at: Date = now(), pastMoment = false) {
  return db
    .selectFrom('form_versions')
    .select(['id', 'version', 'region_id', 'schema', 'ui_schema'])
    .where('form_key', '=', formKey)
    .where(inForceAt(at, pastMoment))
    .where(inRegionOrPlatform('region_id', regionId))
    // Nulls sort last in ascending order: the region's own version wins.
    .orderBy('region_id', 'asc')
    .orderBy(latestInForceFirst)
    .limit(1)
    .executeTakeFirst();
}
