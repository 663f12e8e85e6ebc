import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { normalizeUscc } from '@/lib/enterprises/uscc';
import { DomainError } from '@/lib/errors/domain-error';
import { policyFileOf, type PolicyFile } from '@/lib/policies/download-policy';
import { parseInput } from '@/lib/validation/parse-input';
import type { SignedPlatform } from './platform-request';

const querySchema = z.object({
  sectionCode: z.string({ error: '请填写 sectionCode' }).min(1, { error: '请填写 sectionCode' }).max(50),
  uscc: z.string({ error: '请填写 uscc' }).min(1, { error: '请填写 uscc' }).max(30).transform(normalizeUscc),
});

export interface PlatformGuarantee {
  policyNumber: string;
  status: string;
  insurer: string;
  amountFen: number;
  premiumFen: number;
  issuedAt: string;
  verificationCode?: string;
}

/**
 * GET /api/platform/v1/guarantees?sectionCode=&uscc=: the enterprise's guarantees (issued policies, whatever
 * became of them since: the status says) for the platform's section of that code. Only the platform's own
 * projects are searched. `status` is the order's status code (issued, surrender_review, surrendered).
 */
export async function listPlatformGuarantees(db: Kysely<Database>, platform: SignedPlatform, params: URLSearchParams): Promise<PlatformGuarantee[]> {
  const { sectionCode, uscc } = parseInput(querySchema, Object.fromEntries(params));
  const rows = await db
    .selectFrom('policies')
    .innerJoin('orders', 'orders.id', 'policies.order_id')
    .innerJoin('sections', 'sections.id', 'orders.section_id')
    .innerJoin('projects', 'projects.id', 'sections.project_id')
    .innerJoin('enterprises', 'enterprises.id', 'orders.enterprise_id')
    .innerJoin('products', 'products.id', 'orders.product_id')
    .innerJoin('insurers', 'insurers.id', 'products.insurer_id')
    .select(['policies.policy_number', 'policies.verification_code', 'policies.issued_at', 'orders.status', 'orders.deposit_fen', 'orders.premium_fen', 'insurers.name as insurer'])
    .where('projects.platform_id', '=', platform.id)
    .where('sections.code', '=', sectionCode)
    .where('enterprises.uscc', '=', uscc)
    .orderBy('policies.issued_at')
    .execute();
  return rows.map((r) => ({
    policyNumber: r.policy_number,
    status: r.status,
    insurer: r.insurer,
    amountFen: Number(r.deposit_fen),
    premiumFen: Number(r.premium_fen),
    issuedAt: r.issued_at.toISOString(),
    verificationCode: r.verification_code,
  }));
}

/** GET /api/platform/v1/guarantees/{policyNumber}/document: as 【下载保单】 (sealed before opening, then the PDF). */
export async function platformGuaranteeDocument(db: Kysely<Database>, platform: SignedPlatform, policyNumber: string): Promise<PolicyFile> {
  const order = await db
    .selectFrom('policies')
    .innerJoin('orders', 'orders.id', 'policies.order_id')
    .innerJoin('sections', 'sections.id', 'orders.section_id')
    .innerJoin('projects', 'projects.id', 'sections.project_id')
    .select(['orders.id', 'orders.section_id', 'orders.status'])
    .where('projects.platform_id', '=', platform.id)
    .where('policies.policy_number', '=', policyNumber.slice(0, 100))
    .executeTakeFirst();
  // Another platform's policy is as unknown as a missing one.
  if (!order) throw new DomainError('NOT_FOUND', `保单 ${policyNumber.slice(0, 100)} 不存在`);
  return policyFileOf(db, order);
}
