import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { effectiveVersionCache } from './effective-version-cache';
import { loadRuleVersion } from './load-rule-version';
import { publishRuleDraft, type PublishResult } from './publish-rule-draft';
import { effectiveAtSchema } from '@/lib/versioning/effective-at';

export const publishInputSchema = z.object({
  reason: z
    .string({ error: '请填写发布原因' })
    .trim()
    .min(2, { error: '请填写发布原因（至少 2 个字）' })
    .max(500, { error: '发布原因不能超过 500 个字符' }),
  effective_at: effectiveAtSchema,
});

/** 发布: a draft replaces its rule set's published version in its region, if its test cases pass. */
export async function publishRuleVersion(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown): Promise<PublishResult> {
  const { reason, effective_at } = parseInput(publishInputSchema, input);
  const version = await loadRuleVersion(db, actor, rawId, 'edit');
  const result = await writeTransaction(db, (trx) => publishRuleDraft(trx, actor, version.id, reason, 'publish', effective_at));
  effectiveVersionCache(db).forgetAll();
  return result;
}
