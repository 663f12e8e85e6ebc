import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { assertCanRead, assertCanWrite } from '@/lib/auth/authorize';
import { notFound } from '@/lib/errors/domain-error';
import { publishInputSchema } from '@/lib/rules/publish-rule-version';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { findDroppedFields, type DroppedField } from './find-dropped-fields';
import { findFormVersion, type FormVersionRecord } from './form-version-record';
import { assertCanEditForms, formSeries, lockForm } from './form-version-resource';
import { publishDraftInSeries } from '@/lib/versioning/document-series';
import { assertVersionCan } from '@/lib/versioning/document-version-lifecycle';
import { assertMayPublishDirectly } from '@/lib/versioning/approval-settings';

/**
 * 发布表单: the draft becomes what the form's applicants fill from the next application on; the previous
 * version is archived in the same transaction. Orders keep the version they were filled with; the result
 * names the fields of the replaced version that this one drops and earlier orders hold (a warning).
 */
export async function publishFormVersion(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown): Promise<FormVersionRecord & { dropped_fields: DroppedField[] }> {
  const id = parseInput(z.uuid({ error: '表单版本编号无效' }), rawId);
  const { reason, effective_at } = parseInput(publishInputSchema, input);
  const draft = await findFormVersion(db, id);
  if (!draft) throw notFound('表单版本');
  assertCanRead(actor, draft.region_id);
  assertCanEditForms(actor, draft.region_id);
  assertCanWrite(actor, draft.region_id);
  assertVersionCan('publish', draft);
  const dropped = (await findDroppedFields(db, actor, id)).fields.filter((f) => f.orders > 0);
  const published = await writeTransaction(db, async (trx) => {
    await lockForm(trx, draft.form_key, draft.region_id);
    await assertMayPublishDirectly(trx, draft.region_id);
    return publishFormDraft(trx, actor, draft, reason, 'publish', effective_at);
  });
  return { ...published, dropped_fields: dropped };
}

/**
 * In the caller's transaction, holding the form's lock: the draft (or, `via: 'approve'`, the version in
 * review) becomes the published one and the audit chain records both schemas and why.
 */
export async function publishFormDraft(
  trx: Transaction<Database>,
  actor: Actor,
  draft: FormVersionRecord,
  reason: string,
  via: 'publish' | 'approve',
  /** 生效时间: in the future, the version is scheduled (待生效). */
  effectiveFrom: Date | null = null,
): Promise<FormVersionRecord> {
  const { previousId } = await publishDraftInSeries(trx, actor, formSeries(draft.form_key, draft.region_id), draft, reason, via, effectiveFrom);
  const version = (await findFormVersion(trx, draft.id))!;
  const before = previousId ? await findFormVersion(trx, previousId) : undefined;
  await appendAuditEvent(trx, actor, {
    action: `form_version.${via}`,
    entityType: 'form_version',
    entityId: version.id,
    regionId: version.region_id,
    before: before && { id: before.id, version: before.version, schema: before.schema, ui_schema: before.ui_schema },
    after: { id: version.id, version: version.version, schema: version.schema, ui_schema: version.ui_schema, status: version.status, effective_from: version.effective_from },
    reason,
  });
  return version;
}
