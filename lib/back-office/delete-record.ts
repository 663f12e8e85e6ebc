import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { DomainError } from '@/lib/errors/domain-error';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { loadForWrite } from './load-for-write';
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
  return writeTransaction(db, async (trx) => {
    const existing = await loadForWrite(trx, actor, resource, id);
    await remove(trx, existing);
    await appendAuditEvent(trx, actor, {
      action: `${resource.entityType}.delete`,
      entityType: resource.entityType,
      entityId: String(existing.id),
      regionId: existing.region_id,
      before: existing,
    });
    return existing;
  });
}
