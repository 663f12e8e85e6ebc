import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { readableRegions } from '@/lib/auth/authorize';
import { parseInput } from '@/lib/validation/parse-input';
import type { ListParams } from './list-params';
import type { AnyResource, ListResult } from './resource-definition';
import { withAllowedActions, type RecordWithActions } from './with-allowed-actions';

/** A page of records the actor may see: an operator only ever gets its own region's rows. */
export async function listRecords(
  db: Kysely<Database>,
  actor: Actor,
  resource: AnyResource,
  params: ListParams,
): Promise<ListResult<RecordWithActions>> {
  const scope = readableRegions(actor);
  resource.authorizeRead?.(actor);
  if (params.filter.id !== undefined) {
    // react-admin's getMany: the ids are checked here once, so each resource can use them as they are.
    const raw = Array.isArray(params.filter.id) ? params.filter.id : [params.filter.id];
    const ids = parseInput(z.array(resource.idSchema).max(500), raw);
    if (ids.length === 0) return { rows: [], total: 0 };
    params = { ...params, filter: { ...params.filter, id: ids } };
  }
  const page = await resource.list(db, scope, params);
  return resource.allowedActions ? { ...page, rows: page.rows.map((row) => withAllowedActions(resource, actor, row)) } : page;
}
