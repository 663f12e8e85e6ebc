import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { RJSFSchema } from '@rjsf/utils';
import { validateFormData } from '@/forms/validate-form-data';
import type { Actor } from '@/lib/auth/actor';
import { assertEnterpriseMayApply } from '@/lib/enterprises/assert-enterprise-may-apply';
import { DomainError } from '@/lib/errors/domain-error';
import { listProductsForSection } from '@/lib/products/list-products-for-section';
import { getOpenSection } from '@/lib/sections/list-open-sections';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { findEffectiveForm } from '@/lib/forms/find-effective-form';
import { newOrderNumber, newRemarkCode } from './order-codes';
import { checkApplicantIdentity } from './check-applicant-identity';
import { alreadyAppliedMessage, findLiveOrder } from './find-live-order';
import { recordOrderCreated } from './transition-order';

const inputSchema = z.object({
  sectionId: z.uuid({ error: '标段无效' }),
  productId: z.uuid({ error: '请选择金融产品' }),
  noticeAccepted: z.literal(true, { error: '请先阅读并确认投保须知' }),
  formData: z.record(z.string(), z.unknown(), { error: '请填写投保信息' }),
  /** The form version and premium the bidder saw on the summary; a publish or a rate change since then is refused. */
  formVersionId: z.uuid({ error: '表单版本无效' }),
  expectedPremiumFen: z.number({ error: '保费无效' }).int(),
});

const STALE = '表单或保费已更新，请刷新页面后重新确认投保信息';

export interface SubmittedOrder {
  id: string;
  orderNumber: string;
  remarkCode: string;
  premiumFen: number;
}

/**
 * 【确认并支付】: the bidder's application becomes an order awaiting payment. The section must still be
 * open, the product must serve it, the notice must have been read, and the form data must pass the
 * product's published form — the same validation the browser ran. One live order per enterprise and section,
 * and only for an enterprise that has passed 企业认证审核 (it may browse sections before).
 */
export async function submitApplication(db: Kysely<Database>, actor: Actor, input: unknown): Promise<SubmittedOrder> {
  if (actor.role !== 'bidder' || !actor.enterpriseId) throw new DomainError('FORBIDDEN', '只有投标人可以申请投标保函');
  const enterpriseId = actor.enterpriseId;
  // Before the input: an enterprise still under review is told that, whatever it sent.
  await assertEnterpriseMayApply(db, enterpriseId);
  const { sectionId, productId, formData, formVersionId, expectedPremiumFen } = parseInput(inputSchema, input);

  const create = () =>
    writeTransaction(db, async (trx) => {
      const section = await getOpenSection(trx, actor, sectionId);
      const product = (await listProductsForSection(trx, actor, sectionId)).find((p) => p.productId === productId);
      if (!product) throw new DomainError('VALIDATION_FAILED', '所选产品不适用于该标段，请重新选择', { productId: '所选产品不适用于该标段' });

      const form = await findEffectiveForm(trx, product.formKey, section.regionId);
      if (!form) throw new DomainError('CONFLICT', '该产品的投保表单尚未发布，请联系平台');
      if (form.id !== formVersionId || product.premiumFen !== expectedPremiumFen) throw new DomainError('CONFLICT', STALE);
      const validation = validateFormData(form.schema as RJSFSchema, formData);
      if (!validation.ok) {
        throw new DomainError('VALIDATION_FAILED', `投保信息有误：${Object.values(validation.fieldErrors)[0]}`, validation.fieldErrors);
      }
      const enterprise = await trx.selectFrom('enterprises').selectAll().where('id', '=', enterpriseId).executeTakeFirstOrThrow();
      checkApplicantIdentity(formData, enterprise);

      const existing = await findLiveOrder(trx, enterpriseId, sectionId);
      if (existing) throw new DomainError('CONFLICT', alreadyAppliedMessage(existing.order_number));

      const at = now();
      const order = await trx
        .insertInto('orders')
        .values({
          order_number: newOrderNumber(at),
          remark_code: newRemarkCode(),
          enterprise_id: enterpriseId,
          section_id: sectionId,
          product_id: productId,
          form_version_id: form.id,
          form_data: JSON.stringify(formData),
          deposit_fen: section.depositFen,
          premium_fen: product.premiumFen,
          status: 'pending_payment',
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
        })
        .returning(['id', 'order_number', 'remark_code', 'premium_fen'])
        .executeTakeFirstOrThrow();
      await recordOrderCreated(trx, actor, order.id, 'pending_payment', '提交投保申请，等待支付保费');
      return { id: order.id, orderNumber: order.order_number, remarkCode: order.remark_code, premiumFen: order.premium_fen };
    });

  try {
    return await create();
  } catch (error) {
    // Two submissions at once both pass the check above; the database lets one through. The other is
    // told which order it is, as if it had come second (also when the database undid it as a deadlock).
    if (error instanceof DomainError && (error.code === 'CONFLICT' || error.code === 'SYSTEM_BUSY')) {
      const existing = await findLiveOrder(db, enterpriseId, sectionId);
      if (existing && !error.message.includes(existing.order_number)) throw new DomainError('CONFLICT', alreadyAppliedMessage(existing.order_number));
    }
    throw error;
  }
}
