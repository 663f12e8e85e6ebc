import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';

/** The regions an enterprise may register into: the active ones; that region's operators review it. */
export function listRegistrationRegions(db: Kysely<Database>) {
  return db.selectFrom('regions').select(['id', 'name']).where('active', '=', true).orderBy('id').execute();
}
