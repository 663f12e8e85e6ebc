import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { assertCanRead, assertCanWrite, requireWriter } from '@/lib/auth/authorize';
import { DomainError, notFound } from '@/lib/errors/domain-error';
import { withDatabaseErrors } from '@/lib/errors/with-database-errors';
import { parseInput } from '@/lib/validation/parse-input';
import type { AnyResource, RegionalRecord } from './resource-definition';

/** Only resources that may be removed without losing history offer this; the rest are deactivated. */
export async function deleteRecord(
  db: Kysely<Database>,
  actor: Actor,
  resource: AnyResource,
  rawId: string,
): Promise<RegionalRecord> {
  requireWriter(actor);
  const remove = resource.remove;
  if (!remove) throw new DomainError('METHOD_NOT_ALLOWED', `${resource.label}不能删除，请改为停用`);
  const id = parseInput(resource.idSchema, rawId);
  return withDatabaseErrors(() =>
    db.transaction().execute(async (trx) => {
      const existing = await resource.findById(trx, id);
      if (!existing) throw notFound(resource.label);
      assertCanRead(actor, existing.region_id);
      // A resource's own permission speaks first: its refusal says more than the generic region check.
      resource.authorizeWrite?.(actor, existing.region_id);
      assertCanWrite(actor, existing.region_id);
      await remove(trx, existing);
      await appendAuditEvent(trx, actor, {
        action: `${resource.entityType}.delete`,
        entityType: resource.entityType,
        entityId: String(existing.id),
        regionId: existing.region_id,
        before: existing,
      });
      return existing;
    }),
  );
}
