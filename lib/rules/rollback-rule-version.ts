import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { assertVersionCan } from '@/lib/versioning/document-version-lifecycle';
import { effectiveVersionCache } from './effective-version-cache';
import { insertRuleDraft } from './insert-rule-draft';
import { loadRuleVersion } from './load-rule-version';
import { assertCanEditRuleStructure } from './rule-permissions';
import { parseRuleDocument } from './parse-rule-document';
import { publishRuleDraft, type PublishResult } from './publish-rule-draft';
import { publishInputSchema } from './publish-rule-version';

/**
 * 回滚: history is never rewritten; rolling back publishes a new version whose document is a copy of an
 * older one, through the same test-case gate and audit record as any publish.
 */
export async function rollbackRuleVersion(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown): Promise<PublishResult> {
  const { reason } = parseInput(publishInputSchema, input);
  const source = await loadRuleVersion(db, actor, rawId, 'edit');
  // An older document may differ in structure, which only a full rule editor may bring back.
  assertCanEditRuleStructure(actor, source.region_id);
  // The archived version stays as it is: a copy of it is drafted and published.
  assertVersionCan('rollback', source);
  const result = await writeTransaction(db, async (trx) => {
    const draft = await insertRuleDraft(trx, actor, {
      ruleSetKey: source.rule_set_key,
      regionId: source.region_id,
      document: parseRuleDocument(source.rule_set_key, source.document),
      note: `回滚至 v${source.version}`,
      copiedFrom: source.id,
    });
    return publishRuleDraft(trx, actor, draft.id, reason);
  });
  // As after a publish (publish-rule-version.ts): this instance decides with what it just committed.
  effectiveVersionCache(db).forgetAll();
  return result;
}
