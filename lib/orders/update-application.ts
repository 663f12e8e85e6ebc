import type { Kysely } from 'kysely';
import type { RJSFSchema } from '@rjsf/utils';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { validateFormData } from '@/forms/validate-form-data';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { checkApplicantIdentity } from './check-applicant-identity';
import { assertMayAskForMyOrder, loadMyOrder } from './load-my-order';
import { assertCanTake } from '@/lib/lifecycle/lifecycle';
import { orderLifecycle } from './order-lifecycle';

const inputSchema = z.object({ formData: z.record(z.string(), z.unknown(), { error: '请填写投保信息' }) });

/**
 * 【暂不支付】 then change the information: while the order awaits payment, the bidder may submit the form
 * again. It is validated against the form version the order was made with; the previous data stays in
 * the audit chain.
 */
export async function updateApplication(db: Kysely<Database>, actor: Actor, orderId: string, input: unknown): Promise<void> {
  const { formData } = parseInput(inputSchema, input);
  assertMayAskForMyOrder(actor, orderId);
  await writeTransaction(db, async (trx) => {
    const order = await loadMyOrder(trx, actor, orderId, { lock: true });
    assertCanTake(orderLifecycle, 'editApplication', order.status);
    const form = await trx.selectFrom('form_versions').select('schema').where('id', '=', order.form_version_id).executeTakeFirstOrThrow();
    const validation = validateFormData(form.schema as RJSFSchema, formData);
    if (!validation.ok) {
      throw new DomainError('VALIDATION_FAILED', `投保信息有误：${Object.values(validation.fieldErrors)[0]}`, validation.fieldErrors);
    }
    const enterprise = await trx.selectFrom('enterprises').selectAll().where('id', '=', order.enterprise_id).executeTakeFirstOrThrow();
    checkApplicantIdentity(formData, enterprise);
    await trx.updateTable('orders').set({ form_data: JSON.stringify(formData), updated_at: now() }).where('id', '=', order.id).execute();
    await appendAuditEvent(trx, actor, {
      action: 'order.update_application',
      entityType: 'order',
      entityId: order.id,
      regionId: order.region_id,
      before: order.form_data,
      after: formData,
      reason: '投标人修改投保信息（暂不支付）',
    });
  });
}
