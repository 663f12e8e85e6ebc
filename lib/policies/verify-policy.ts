import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { consumeRateLimit } from '@/lib/http/rate-limit';
import { rateLimitAddressKey } from '@/lib/http/rate-limit-address';
import { parseInput } from '@/lib/validation/parse-input';

export const VERIFY_RATE_LIMIT = { limit: 10, windowSeconds: 60 } as const;

const querySchema = z.object({
  policyNumber: z.string().trim().toUpperCase().min(1, { error: '请输入保单号' }).max(40, { error: '保单号过长' }),
  verificationCode: z.string().trim().toUpperCase().min(1, { error: '请输入验证码' }).max(20, { error: '验证码过长' }),
});

export type PolicyVerification =
  | { found: false }
  | {
      found: true;
      policyNumber: string;
      /** 有效 / 退保审核中 / 已退保失效 */
      statusLabel: string;
      valid: boolean;
      insurerName: string;
      projectName: string;
      sectionName: string;
      guaranteeAmountFen: number;
      issuedAt: Date;
      periodStart: Date;
      periodEnd: Date;
    };

/**
 * /verify: a tenderer (or anyone holding the printed policy) checks it is genuine. Public, so it says
 * nothing about the applicant, answers a wrong code exactly like an unknown number, and is rate-limited
 * per client address.
 */
export async function verifyPolicy(db: Kysely<Database>, clientAddress: string, input: unknown): Promise<PolicyVerification> {
  const query = parseInput(querySchema, input);
  await consumeRateLimit(db, { bucket: `verify:${rateLimitAddressKey(clientAddress)}`, ...VERIFY_RATE_LIMIT });
  const row = await db
    .selectFrom('policies')
    .innerJoin('orders', 'orders.id', 'policies.order_id')
    .innerJoin('sections', 'sections.id', 'orders.section_id')
    .innerJoin('projects', 'projects.id', 'sections.project_id')
    .innerJoin('products', 'products.id', 'orders.product_id')
    .innerJoin('insurers', 'insurers.id', 'products.insurer_id')
    .where('policies.policy_number', '=', query.policyNumber)
    .select([
      'policies.policy_number', 'policies.verification_code', 'policies.issued_at', 'policies.period_start', 'policies.period_end',
      'orders.status', 'orders.deposit_fen', 'insurers.name as insurerName', 'projects.name as projectName', 'sections.name as sectionName',
    ])
    .executeTakeFirst();
  if (!row || !sameCode(row.verification_code, query.verificationCode)) return { found: false };
  const valid = row.status === 'issued' || row.status === 'surrender_review';
  return {
    found: true,
    policyNumber: row.policy_number,
    statusLabel: row.status === 'surrender_review' ? '有效（退保审核中）' : valid ? '有效' : '已退保，保单失效',
    valid,
    insurerName: row.insurerName,
    projectName: row.projectName,
    sectionName: row.sectionName,
    guaranteeAmountFen: row.deposit_fen,
    issuedAt: row.issued_at,
    periodStart: row.period_start,
    periodEnd: row.period_end,
  };
}

function sameCode(stored: string, given: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
