import type { Actor } from '@/lib/auth/actor';
import { mayWrite } from '@/lib/auth/authorize';
import { allowedVersionActions, type DocumentVersionAction } from '@/lib/versioning/document-version-lifecycle';
import type { FormVersionRecord } from './form-version-record';
import { isAuthor } from '@/lib/versioning/version-authors';

/**
 * Form versions follow the versioned documents' lifecycle (lib/versioning/document-version-lifecycle.ts),
 * as rule versions do, without a rollback: an older form is brought back by drafting from it. The
 * platform's forms are the platform administrator's, a region's its operators'; a writer may start a
 * draft from its own region's versions and the platform's (an operator's draft is its own region's).
 */
export function formVersionAllowedActions(
  record: Pick<FormVersionRecord, 'status' | 'region_id' | 'approval_required' | 'author_ids' | 'author_phones'>,
  actor: Actor,
): DocumentVersionAction[] {
  const copy = actor.role === 'platform_admin' || (actor.role === 'operator' && (record.region_id === null || record.region_id === actor.regionId));
  const write = mayWrite(actor, record.region_id);
  return allowedVersionActions(record.status, {
    write,
    rollback: false,
    copy,
    review: write && !isAuthor({ ids: record.author_ids, phones: record.author_phones }, actor),
    publishDirectly: !record.approval_required,
  });
}
