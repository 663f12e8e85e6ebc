import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, VersionReviewStep } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { now } from '@/lib/time/clock';
import { transitionVersion, type DocumentSeriesTable } from './document-series';
import { assertNotAuthor } from './version-authors';
import { effectiveAtSchema } from './effective-at';
import type { ReviewHistoryEntry } from './review-step-labels';

export type { ReviewHistoryEntry } from './review-step-labels';

export const submitInputSchema = z.object({
  reason: z
    .string({ error: '请填写变更原因' })
    .trim()
    .min(2, { error: '请填写变更原因（至少 2 个字）' })
    .max(500, { error: '变更原因不能超过 500 个字符' }),
});

export const reviewInputSchema = z.object({
  comment: z
    .string({ error: '请填写审核意见' })
    .trim()
    .min(2, { error: '请填写审核意见（至少 2 个字）' })
    .max(500, { error: '审核意见不能超过 500 个字符' }),
  /** 审核通过 only: when the approved version takes effect (lib/versioning/effective-at.ts). */
  effective_at: effectiveAtSchema,
});

const ENTITY: Record<DocumentSeriesTable, string> = { rule_set_versions: 'rule_version', form_versions: 'form_version' };

/** The version a review step acts on, as the caller read it. */
export interface ReviewedVersion {
  id: string;
  version: number;
  region_id: string | null;
}

/** One step of a version's review history, in the caller's transaction. */
export async function recordReviewStep(
  trx: Transaction<Database>,
  table: DocumentSeriesTable,
  versionId: string,
  step: VersionReviewStep,
  actor: Actor,
  comment: string,
): Promise<void> {
  await trx.insertInto('version_reviews').values({ version_table: table, version_id: versionId, step, actor_id: actor.userId, comment, at: now() }).execute();
}

/** 提交审核: the author hands a draft to a second person, saying why it changes. */
export async function submitVersion(trx: Transaction<Database>, actor: Actor, table: DocumentSeriesTable, version: ReviewedVersion, reason: string): Promise<void> {
  const at = now();
  await transitionVersion(trx, table, version, 'submit', { submitted_by: actor.userId, submitted_at: at, submit_reason: reason, updated_at: at });
  await recordReviewStep(trx, table, version.id, 'submit', actor, reason);
  await appendAuditEvent(trx, actor, {
    action: `${ENTITY[table]}.submit`,
    entityType: ENTITY[table],
    entityId: version.id,
    regionId: version.region_id,
    after: { id: version.id, version: version.version, status: 'in_review' },
    reason,
  });
}

/** 驳回: another person sends a version in review back to its author's drafts, saying why. */
export async function rejectVersion(trx: Transaction<Database>, actor: Actor, table: DocumentSeriesTable, version: ReviewedVersion, comment: string): Promise<void> {
  await assertNotAuthor(trx, table, version.id, actor);
  await transitionVersion(trx, table, version, 'reject', { updated_at: now() });
  await recordReviewStep(trx, table, version.id, 'reject', actor, comment);
  await appendAuditEvent(trx, actor, {
    action: `${ENTITY[table]}.reject`,
    entityType: ENTITY[table],
    entityId: version.id,
    regionId: version.region_id,
    before: { id: version.id, version: version.version, status: 'in_review' },
    after: { id: version.id, version: version.version, status: 'draft' },
    reason: comment,
  });
}

/** An edit of a version in review took it back to draft: its history says so. */
export async function recordEditReturned(trx: Transaction<Database>, actor: Actor, table: DocumentSeriesTable, fromStatus: string, versionId: string): Promise<void> {
  if (fromStatus === 'in_review') await recordReviewStep(trx, table, versionId, 'edit_returned', actor, '提交审核后被修改，退回草稿');
}


/** A version's review history, oldest first, as the version page shows it. */
export function reviewHistory(db: Kysely<Database> | Transaction<Database>, table: DocumentSeriesTable, versionId: string): Promise<ReviewHistoryEntry[]> {
  return db
    .selectFrom('version_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.actor_id')
    .select(['r.step', 'u.display_name as actor_name', 'r.comment', 'r.at'])
    .where('r.version_table', '=', table)
    .where('r.version_id', '=', versionId)
    .orderBy('r.id')
    .execute();
}
