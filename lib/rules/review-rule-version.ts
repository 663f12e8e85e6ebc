import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { rejectVersion, reviewHistory, reviewInputSchema, submitInputSchema, submitVersion } from '@/lib/versioning/review-version';
import { effectiveVersionCache } from './effective-version-cache';
import { lockRuleSet } from './insert-rule-draft';
import { loadRuleVersion } from './load-rule-version';
import { publishRuleDraft } from './publish-rule-draft';
import { findRuleVersion } from './rule-version-record';

/**
 * 提交审核 / 审核通过 / 驳回 of a rule version (四眼原则): the author submits with a reason; another person
 * with the rule-editing permission of that scope approves — which publishes it, through the same test-case
 * gate as any publish — or rejects it with a comment. Answers the version as it now is.
 */
export async function reviewRuleVersion(db: Kysely<Database>, actor: Actor, rawId: string, step: 'submit' | 'approve' | 'reject', input: unknown) {
  const text = step === 'submit' ? parseInput(submitInputSchema, input).reason : parseInput(reviewInputSchema, input).comment;
  const effectiveAt = step === 'approve' ? parseInput(reviewInputSchema, input).effective_at : null;
  const version = await loadRuleVersion(db, actor, rawId, 'edit');
  let testResults: unknown[] = [];
  await writeTransaction(db, async (trx) => {
    // The series lock first, as saving and publishing take it: a save and a review of one draft never interleave.
    await lockRuleSet(trx, version.rule_set_key, version.region_id);
    if (step === 'submit') await submitVersion(trx, actor, 'rule_set_versions', version, text);
    else if (step === 'reject') await rejectVersion(trx, actor, 'rule_set_versions', version, text);
    else testResults = (await publishRuleDraft(trx, actor, version.id, text, 'approve', effectiveAt)).testResults;
  });
  // An approval published: this instance decides with what it just committed (as publish-rule-version.ts).
  if (step === 'approve') effectiveVersionCache(db).forgetAll();
  const now = (await findRuleVersion(db, version.id))!;
  return { ...now, review_history: await reviewHistory(db, 'rule_set_versions', now.id), test_results: testResults };
}
