import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { assertCanRead, readableRegions } from '@/lib/auth/authorize';
import { notFound } from '@/lib/errors/domain-error';
import { assertCanWriteRecord } from './assert-can-write-record';
import type { AnyResource, RegionalRecord } from './resource-definition';

/**
 * The record a write is about, read inside the write's transaction, after every permission check on it:
 * the actor may see it, holds the resource's own permission, and may write in its region.
 */
export async function loadForWrite(
  trx: Transaction<Database>,
  actor: Actor,
  resource: AnyResource,
  id: string | number,
): Promise<RegionalRecord> {
  const scope = readableRegions(actor);
  resource.authorizeRead?.(actor);
  const existing = await resource.findById(trx, id, scope);
  if (!existing) throw notFound(resource.label);
  assertCanRead(actor, existing.region_id);
  // A resource's own permission speaks first: its refusal says more than the generic region check.
  resource.authorizeWrite?.(actor, existing.region_id);
  assertCanWriteRecord(actor, resource, existing.region_id);
  return existing;
}
