import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { assertCanRead, readableRegions } from '@/lib/auth/authorize';
import { notFound } from '@/lib/errors/domain-error';
import { parseInput } from '@/lib/validation/parse-input';
import type { AnyResource } from './resource-definition';
import { withAllowedActions, type RecordWithActions } from './with-allowed-actions';

export async function getRecord(
  db: Kysely<Database>,
  actor: Actor,
  resource: AnyResource,
  rawId: string,
): Promise<RecordWithActions> {
  // Who may read comes before what the id looks like: a bidder is refused, not told how ids are formed.
  const scope = readableRegions(actor);
  resource.authorizeRead?.(actor);
  const id = parseInput(resource.idSchema, rawId);
  const row = await resource.findById(db, id, scope);
  if (!row) throw notFound(resource.label);
  assertCanRead(actor, row.region_id);
  return withAllowedActions(resource, actor, row);
}
