import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { computePremium } from '@/lib/pricing/compute-premium';
import { getOpenSection } from '@/lib/sections/list-open-sections';

export interface SectionProduct {
  productId: string;
  productName: string;
  insurerId: string;
  insurerName: string;
  rateBp: number;
  minPremiumFen: number;
  premiumFen: number;
  notice: string;
  formKey: string;
}

/**
 * 选择金融产品: the active products of active insurers in the project's region that cover its type,
 * each with the premium this section would cost. Only for a section the bidder can still apply for.
 */
export async function listProductsForSection(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  sectionId: string,
): Promise<SectionProduct[]> {
  const section = await getOpenSection(db, actor, sectionId);
  const rows = await db
    .selectFrom('products')
    .innerJoin('insurers', 'insurers.id', 'products.insurer_id')
    .innerJoin('projects', 'projects.region_id', 'insurers.region_id')
    .where('projects.id', '=', section.projectId)
    .where('products.active', '=', true)
    .where('insurers.active', '=', true)
    .where(sql<boolean>`projects.type = any(products.project_types)`)
    .select([
      'products.id as productId', 'products.name as productName', 'insurers.id as insurerId', 'insurers.name as insurerName',
      'products.rate_bp as rateBp', 'products.min_premium_fen as minPremiumFen', 'products.notice', 'products.form_key as formKey',
    ])
    .orderBy('insurers.name')
    .orderBy('products.name')
    .execute();
  return rows.map((r) => ({ ...r, premiumFen: computePremium(section.depositFen, r.rateBp, r.minPremiumFen) }));
}
