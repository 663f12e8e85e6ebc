import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { parseInput } from '@/lib/validation/parse-input';
import type { EnterpriseRecord } from './enterprise-resource';
import { reviewEnterprise } from './review-enterprise';

const inputSchema = z.object({
  reason: z
    .string({ error: '请填写驳回原因' })
    .trim()
    .min(2, { error: '请填写驳回原因（至少 2 个字）' })
    .max(500, { error: '驳回原因不能超过 500 个字符' }),
});

/**
 * 企业认证审核 · 驳回: the bidder reads the reason on its home page, corrects the enterprise's details and
 * submits again (resubmit-enterprise.ts); until then it may browse sections but not apply.
 */
export function rejectEnterprise(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown): Promise<EnterpriseRecord> {
  return reviewEnterprise(db, actor, rawId, () => {
    const { reason } = parseInput(inputSchema, input);
    return { action: 'reject', reviewReason: reason, auditReason: reason };
  });
}
