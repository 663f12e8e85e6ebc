import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { readableRegions } from '@/lib/auth/authorize';
import { parseInput } from '@/lib/validation/parse-input';
import type { ListParams } from './list-params';
import type { AnyResource, ListResult, RegionalRecord } from './resource-definition';

/** A page of records the actor may see: an operator only ever gets its own region's rows. */
export async function listRecords(
  db: Kysely<Database>,
  actor: Actor,
  resource: AnyResource,
  params: ListParams,
): Promise<ListResult<RegionalRecord>> {
  const scope = readableRegions(actor);
  if (params.filter.id !== undefined) {
    // react-admin's getMany: the ids are checked here once, so each resource can use them as they are.
    const raw = Array.isArray(params.filter.id) ? params.filter.id : [params.filter.id];
    const ids = parseInput(z.array(resource.idSchema).max(500), raw);
    if (ids.length === 0) return { rows: [], total: 0 };
    params = { ...params, filter: { ...params.filter, id: ids } };
  }
  return resource.list(db, scope, params);
}
