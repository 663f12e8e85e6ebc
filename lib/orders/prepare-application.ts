import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { getEnterpriseProfile } from '@/lib/enterprises/get-enterprise-profile';
import { buildFormPrefill } from '@/forms/prefill/build-prefill';
import { DomainError } from '@/lib/errors/domain-error';
import { findEffectiveForm } from '@/lib/forms/find-effective-form';
import { listProductsForSection } from '@/lib/products/list-products-for-section';
import { getOpenSection } from '@/lib/sections/list-open-sections';

/**
 * Everything the application pages need for one section and product: the section, the product with its
 * premium and notice, the published form the product names, and the form prefilled from the bidder's
 * enterprise profile as the form declares (what the platform already knows need not be typed again).
 */
export async function prepareApplication(db: Kysely<Database>, actor: Actor, sectionId: string, productId: string) {
  const section = await getOpenSection(db, actor, sectionId);
  const product = (await listProductsForSection(db, actor, sectionId)).find((p) => p.productId === productId);
  if (!product) throw new DomainError('NOT_FOUND', '所选产品不存在或不适用于该标段，请重新选择');
  const form = await findEffectiveForm(db, product.formKey, section.regionId);
  if (!form) throw new DomainError('CONFLICT', '该产品的投保表单尚未发布，请联系平台');
  const enterprise = await getEnterpriseProfile(db, actor, actor.enterpriseId ?? '');
  // Each field of the form says which profile field prefills it (`ui:options.prefill`).
  const prefill = buildFormPrefill(form.ui_schema, enterprise);
  return { section, product, form, prefill };
}
