import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { inRegionOrPlatform } from '@/lib/regions/region-filters';

/** The published form a region's applicants fill: the region's own version of the form, else the platform's. */
export function findEffectiveForm(db: Kysely<Database> | Transaction<Database>, formKey: string, regionId: string) {
  return db
    .selectFrom('form_versions')
    .select(['id', 'version', 'region_id', 'schema', 'ui_schema'])
    .where('form_key', '=', formKey)
    .where('status', '=', 'published')
    .where(inRegionOrPlatform('region_id', regionId))
    // Nulls sort last in ascending order: the region's own version wins.
    .orderBy('region_id', 'asc')
    .limit(1)
    .executeTakeFirst();
}
