import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import type { RuleTestResult } from '@/rules/run-test-cases';
import { lockRuleSet, ruleSeries } from './insert-rule-draft';
import { publishDraftInSeries } from '@/lib/versioning/document-series';
import { assertVersionCan } from '@/lib/versioning/document-version-lifecycle';
import { findRuleVersion, type RuleVersionRecord } from './rule-version-record';
import { testRuleDocument } from './test-rule-document';
import { assertSameStructure } from './assert-same-structure';
import { findEffectiveVersion } from './find-effective-version';
import { ruleEditingMode } from './rule-permissions';
import { assertMayPublishDirectly } from '@/lib/versioning/approval-settings';
import { recordReviewStep } from '@/lib/versioning/review-version';
import { assertNotAuthor } from '@/lib/versioning/version-authors';

export interface PublishResult {
  version: RuleVersionRecord;
  previous: RuleVersionRecord | null;
  testResults: RuleTestResult[];
}

/**
 * Inside the caller's transaction: the draft becomes the one published version of its rule set and
 * region, the previous one is archived, and the audit chain records both documents and the reason.
 * Refused unless every saved test case passes on the draft. A direct publish is refused where the scope
 * requires approval; an approval (`via: 'approve'`) is refused to the version's authors, and `reason` is
 * then the reviewer's comment.
 */
export async function publishRuleDraft(
  trx: Transaction<Database>,
  actor: Actor,
  draftId: string,
  reason: string,
  /** `approve`: another person approves a version in review; its reason is the one it was submitted with. */
  via: 'publish' | 'approve' = 'publish',
  /** 生效时间: in the future, the version is scheduled (待生效) instead of replacing the published one now. */
  effectiveFrom: Date | null = null,
): Promise<PublishResult> {
  const unlocked = await findRuleVersion(trx, draftId);
  if (!unlocked) throw new DomainError('NOT_FOUND', '规则版本不存在');
  await lockRuleSet(trx, unlocked.rule_set_key, unlocked.region_id);
  // Read again under the lock: another publish may have just taken this draft.
  const draft = (await findRuleVersion(trx, draftId))!;
  assertVersionCan(via, draft);
  if (via === 'publish') await assertMayPublishDirectly(trx, draft.region_id);
  else await assertNotAuthor(trx, 'rule_set_versions', draft.id, actor);
  const why = via === 'approve' ? (draft.submit_reason ?? reason) : reason;
  // A value-only editor may publish values, never a structure that differs from what decides today
  // (a draft a full editor left behind, or one that would undo a structural change published since).
  if (ruleEditingMode(actor, draft.region_id) === 'values') {
    assertSameStructure((await findEffectiveVersion(trx, draft.rule_set_key, draft.region_id))?.document, draft.document);
  }

  const testResults = await testRuleDocument(trx, draft.rule_set_key, draft.region_id, draft.document);
  const failed = testResults.filter((r) => !r.passed);
  if (failed.length) {
    throw new DomainError(
      'RULE_TESTS_FAILED',
      `有 ${failed.length} 个测试用例未通过，不能发布：${failed.map((r) => `「${r.name}」实际为「${r.summary}」`).join('；')}`,
    );
  }

  const { previousId } = await publishDraftInSeries(trx, actor, ruleSeries(draft.rule_set_key, draft.region_id), draft, why, via, effectiveFrom);
  if (via === 'approve') await recordReviewStep(trx, 'rule_set_versions', draft.id, 'approve', actor, reason);
  const previous = previousId ? ((await findRuleVersion(trx, previousId)) ?? null) : null;
  const version = (await findRuleVersion(trx, draft.id))!;
  await appendAuditEvent(trx, actor, {
    action: `rule_version.${via}`,
    entityType: 'rule_version',
    entityId: version.id,
    regionId: version.region_id,
    before: previous && { id: previous.id, rule_set_key: previous.rule_set_key, version: previous.version, document: previous.document },
    after: { id: version.id, rule_set_key: version.rule_set_key, version: version.version, document: version.document, status: version.status, effective_from: version.effective_from },
    reason: via === 'approve' ? `${why}（审核意见：${reason}）` : reason,
  });
  return { version, previous, testResults };
}
