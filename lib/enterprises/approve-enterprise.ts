import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { changeReason } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import type { EnterpriseRecord } from './enterprise-resource';
import { reviewEnterprise } from './review-enterprise';

const inputSchema = z.object({ reason: changeReason });

/**
 * 企业认证审核 · 认证通过: the enterprise may apply for guarantees from now on. Any earlier rejection reason
 * is cleared from the enterprise (the bidder no longer reads it); the audit chain keeps it.
 */
export function approveEnterprise(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown): Promise<EnterpriseRecord> {
  return reviewEnterprise(db, actor, rawId, () => {
    const { reason } = parseInput(inputSchema, input ?? {});
    return { action: 'approve', reviewReason: null, auditReason: reason ?? null };
  });
}
