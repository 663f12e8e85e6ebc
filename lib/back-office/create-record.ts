import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { DomainError } from '@/lib/errors/domain-error';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { assertCanWriteRecord } from './assert-can-write-record';
import type { AnyResource } from './resource-definition';
import { withAllowedActions, type RecordWithActions } from './with-allowed-actions';

export async function createRecord(
  db: Kysely<Database>,
  actor: Actor,
  resource: AnyResource,
  input: unknown,
): Promise<RecordWithActions> {
  requireWriter(actor);
  if (!resource.create) throw new DomainError('METHOD_NOT_ALLOWED', `${resource.label}不支持新建`);
  const create = resource.create;
  const data = parseInput(create.schema, input);
  return writeTransaction(db, async (trx) => {
    const regionId = await create.regionOf(trx, data);
    if (regionId === undefined) throw new DomainError('VALIDATION_FAILED', '所关联的记录不存在');
    // A resource's own permission speaks first: its refusal says more than the generic region check.
    resource.authorizeWrite?.(actor, regionId);
    assertCanWriteRecord(actor, resource, regionId);
    const row = await create.insert(trx, data, actor);
    await appendAuditEvent(trx, actor, {
      action: `${resource.entityType}.create`,
      entityType: resource.entityType,
      entityId: String(row.id),
      regionId,
      after: create.auditAfter ? create.auditAfter(row) : row,
    });
    return withAllowedActions(resource, actor, row);
  });
}
