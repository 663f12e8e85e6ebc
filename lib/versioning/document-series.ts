import { sql, type Transaction } from 'kysely';
import type { Database, RuleVersionStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { lockForAction, transition } from '@/lib/lifecycle/transition';
import { now } from '@/lib/time/clock';
import { DomainError } from '@/lib/errors/domain-error';
import { documentVersionLifecycle, versionRefusal, type DocumentVersionAction } from './document-version-lifecycle';

/**
 * Rule sets and application forms are both versioned documents: per key and region a series of numbered
 * versions, drafts edited freely, exactly one published, the rest archived. The mechanics that keep those
 * promises under concurrent writers live here once.
 */
export type DocumentSeriesTable = 'rule_set_versions' | 'form_versions';

export interface DocumentSeries {
  table: DocumentSeriesTable;
  /** The rule set key or form key. */
  key: string;
  /** Null is the platform's own series. */
  regionId: string | null;
}

const KEY_COLUMN: Record<DocumentSeriesTable, string> = { rule_set_versions: 'rule_set_key', form_versions: 'form_key' };
// Lock names as they were before this module existed, so old and new code never hold different locks.
const LOCK_NAME: Record<DocumentSeriesTable, (s: DocumentSeries) => string> = {
  rule_set_versions: (s) => `rule-set:${s.key}:${s.regionId ?? 'baseline'}`,
  form_versions: (s) => `form:${s.key}:${s.regionId ?? 'platform'}`,
};

const inSeries = (series: DocumentSeries) =>
  sql<boolean>`${sql.ref(KEY_COLUMN[series.table])} = ${series.key} and region_id is not distinct from ${series.regionId}`;

/** Serializes writers of one series: version numbers and the single published version depend on it. */
export async function lockSeries(trx: Transaction<Database>, series: DocumentSeries): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${LOCK_NAME[series.table](series)}))`.execute(trx);
}

/** The number the series' next version takes; call it holding the series lock. */
export async function nextVersionNumber(trx: Transaction<Database>, series: DocumentSeries): Promise<number> {
  const { rows } = await sql<{ last: number | null }>`
    select max(version) as last from ${sql.table(series.table)} where ${inSeries(series)}`.execute(trx);
  return (rows[0]?.last ?? 0) + 1;
}

/**
 * A version takes one of its lifecycle's actions (lib/versioning/document-version-lifecycle.ts) through the
 * transition kernel, in the caller's transaction; a refusal names the version (v3 已不是草稿，不能发布).
 */
export async function transitionVersion(
  trx: Transaction<Database>,
  table: DocumentSeriesTable,
  version: { id: string; version: number },
  action: DocumentVersionAction,
  set?: Record<string, unknown>,
): Promise<RuleVersionStatus> {
  try {
    return (await transition(trx, table, documentVersionLifecycle, { id: version.id, action, set })).from_status;
  } catch (error) {
    throw error instanceof TransitionRefused ? versionRefusal(action, error.current as RuleVersionStatus, version.version) : error;
  }
}

/** Locks a version and checks the action is possible from its state, writing nothing (a delete, a publish's start). */
export async function lockVersionFor(
  trx: Transaction<Database>,
  table: DocumentSeriesTable,
  version: { id: string; version: number },
  action: DocumentVersionAction,
): Promise<void> {
  try {
    await lockForAction(trx, table, documentVersionLifecycle, version.id, action);
  } catch (error) {
    throw error instanceof TransitionRefused ? versionRefusal(action, error.current as RuleVersionStatus, version.version) : error;
  }
}

/**
 * A scheduled version whose 生效时间 has come becomes the series' published version, archiving the one it
 * replaced as of that moment. Reads never need this (what is in force is decided by the times,
 * lib/versioning/in-force.ts); writers call it under the series lock so the states catch up with the clock
 * before they change the series.
 */
export async function activateDueVersion(trx: Transaction<Database>, series: DocumentSeries): Promise<void> {
  const { rows } = await sql<{ id: string; version: number; effective_from: Date }>`
    select id, version, effective_from from ${sql.table(series.table)}
     where ${inSeries(series)} and status = 'scheduled' and effective_from <= ${now()}`.execute(trx);
  const due = rows[0];
  if (!due) return;
  const { rows: published } = await sql<{ id: string; version: number }>`
    select id, version from ${sql.table(series.table)} where ${inSeries(series)} and status = 'published'`.execute(trx);
  if (published[0]) await transitionVersion(trx, series.table, published[0], 'archive', series.table === 'rule_set_versions' ? { archived_at: due.effective_from } : {});
  await transitionVersion(trx, series.table, due, 'activate', { updated_at: now() });
}

/**
 * Publishes a draft of the series and archives the version it replaces, in the caller's transaction and
 * under the series lock; a draft someone else published (or edited away) meanwhile is refused.
 * With `effectiveFrom` in the future the version is scheduled instead (待生效): the published version stays
 * until then; a series has at most one scheduled version.
 * Returns the id of the version that was published before, if any (none when scheduling).
 */
export async function publishDraftInSeries(
  trx: Transaction<Database>,
  actor: Actor,
  series: DocumentSeries,
  draft: { id: string; version: number },
  reason: string,
  /** `approve`: a version in review, approved by another person (lib/versioning/review-version.ts). */
  via: 'publish' | 'approve' = 'publish',
  effectiveFrom: Date | null = null,
): Promise<{ previousId: string | null; scheduled: boolean }> {
  const at = now();
  await activateDueVersion(trx, series);
  const scheduled = effectiveFrom !== null && effectiveFrom.getTime() > at.getTime();
  const publishing = { published_by: actor.userId, published_at: at, publish_reason: reason, updated_at: at };
  if (scheduled) {
    const action = via === 'approve' ? 'approveScheduled' : 'schedule';
    await lockVersionFor(trx, series.table, draft, action);
    const { rows: waiting } = await sql<{ version: number }>`
      select version from ${sql.table(series.table)} where ${inSeries(series)} and status = 'scheduled'`.execute(trx);
    if (waiting[0]) throw new DomainError('CONFLICT', `已有待生效的定时发布版本 v${waiting[0].version}，请先撤回它再定时发布新的版本`);
    await transitionVersion(trx, series.table, draft, action, { ...publishing, effective_from: effectiveFrom });
    return { previousId: null, scheduled: true };
  }
  await lockVersionFor(trx, series.table, draft, via);
  const { rows } = await sql<{ id: string; version: number }>`
    select id, version from ${sql.table(series.table)} where ${inSeries(series)} and status = 'published'`.execute(trx);
  const previous = rows[0];
  // Archived first: the series may hold one published version only, at every moment.
  if (previous) await transitionVersion(trx, series.table, previous, 'archive', series.table === 'rule_set_versions' ? { archived_at: at } : {});
  await transitionVersion(trx, series.table, draft, via, { ...publishing, effective_from: at });
  return { previousId: previous?.id ?? null, scheduled: false };
}

/** 撤回定时发布: a scheduled version goes back to draft before its 生效时间. */
export async function withdrawScheduledInSeries(trx: Transaction<Database>, series: DocumentSeries, version: { id: string; version: number }): Promise<void> {
  await activateDueVersion(trx, series);
  // Activated just now, or by an earlier writer: it is in force and can no longer be withdrawn.
  await transitionVersion(trx, series.table, version, 'withdraw', {
    effective_from: null, published_by: null, published_at: null, publish_reason: null, updated_at: now(),
  });
}
