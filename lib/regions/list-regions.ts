import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';

/** Region names for filters and labels; public reference data. */
export function listRegions(db: Kysely<Database>) {
  return db.selectFrom('regions').select(['id', 'name']).orderBy('id').execute();
}
