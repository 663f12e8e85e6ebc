import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { DomainError } from '@/lib/errors/domain-error';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { loadForWrite } from './load-for-write';
import type { AnyResource } from './resource-definition';
import { withAllowedActions, type RecordWithActions } from './with-allowed-actions';

export async function updateRecord(
  db: Kysely<Database>,
  actor: Actor,
  resource: AnyResource,
  rawId: string,
  input: unknown,
): Promise<RecordWithActions> {
  requireWriter(actor);
  if (!resource.update) throw new DomainError('METHOD_NOT_ALLOWED', `${resource.label}不支持修改`);
  const update = resource.update;
  const id = parseInput(resource.idSchema, rawId);
  const data = parseInput(update.schema, input);
  // A partial update that names no field would be an UPDATE without a SET, which the database refuses.
  if (Object.entries(data).every(([key, value]) => key === 'reason' || value === undefined)) {
    throw new DomainError('VALIDATION_FAILED', '没有需要修改的内容');
  }
  return writeTransaction(db, async (trx) => {
    const existing = await loadForWrite(trx, actor, resource, id);
    const needsReason = update.reasonRequiredFor?.(existing, data);
    if (needsReason && !data.reason) {
      throw new DomainError('VALIDATION_FAILED', `${needsReason}必须填写原因`, { reason: `${needsReason}必须填写原因` });
    }
    const row = await update.apply(trx, existing, data, actor);
    await appendAuditEvent(trx, actor, {
      action: `${resource.entityType}.update`,
      entityType: resource.entityType,
      entityId: String(row.id),
      regionId: existing.region_id,
      before: existing,
      after: row,
      reason: data.reason ?? null,
    });
    return withAllowedActions(resource, actor, row);
  });
}
