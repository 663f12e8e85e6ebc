import type { Actor } from '@/lib/auth/actor';
import { allowedVersionActions, type DocumentVersionAction } from '@/lib/versioning/document-version-lifecycle';
import type { RuleVersionRecord } from './rule-version-record';
import { mayEditRules } from './rule-permissions';
import { isAuthor } from '@/lib/versioning/version-authors';

/**
 * Rule versions follow the versioned documents' lifecycle (lib/versioning/document-version-lifecycle.ts),
 * as form versions do. What the back office offers on one depends on the rule-editing permission of its
 * region: a value-only editor edits, deletes and publishes drafts and starts new ones; only a full editor
 * (the platform administrator, or an operator granted canEditRules) rolls back to an older document,
 * which may differ in structure.
 */
export function ruleVersionAllowedActions(
  record: Pick<RuleVersionRecord, 'status' | 'region_id' | 'approval_required' | 'author_ids' | 'author_phones'>,
  actor: Actor,
): DocumentVersionAction[] {
  const mode = mayEditRules(actor, record.region_id);
  return allowedVersionActions(record.status, {
    write: mode !== null,
    // A rollback publishes: where approval is required the older version is brought back by drafting from it.
    rollback: mode === 'full' && !record.approval_required,
    copy: mode !== null,
    review: mode !== null && !isAuthor({ ids: record.author_ids, phones: record.author_phones }, actor),
    publishDirectly: !record.approval_required,
  });
}
