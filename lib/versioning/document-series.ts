import { sql, type Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';

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
 * Publishes a draft of the series and archives the version it replaces, in the caller's transaction and
 * under the series lock; a draft someone else published (or edited away) meanwhile is refused.
 * Returns the id of the version that was published before, if any.
 */
export async function publishDraftInSeries(
  trx: Transaction<Database>,
  actor: Actor,
  series: DocumentSeries,
  draft: { id: string; version: number },
  reason: string,
): Promise<{ previousId: string | null }> {
  const at = now();
  const { rows } = await sql<{ id: string }>`
    select id from ${sql.table(series.table)} where ${inSeries(series)} and status = 'published'`.execute(trx);
  const previousId = rows[0]?.id ?? null;
  if (previousId) {
    // Only rule versions record when they were archived; forms keep the status alone.
    const archivedAt = series.table === 'rule_set_versions' ? sql`, archived_at = ${at}` : sql``;
    await sql`update ${sql.table(series.table)} set status = 'archived'${archivedAt} where id = ${previousId}`.execute(trx);
  }
  const published = await sql`
    update ${sql.table(series.table)}
       set status = 'published', published_by = ${actor.userId}, published_at = ${at}, publish_reason = ${reason}, updated_at = ${at}
     where id = ${draft.id} and status = 'draft'`.execute(trx);
  if (Number(published.numAffectedRows ?? 0) === 0) throw new DomainError('CONFLICT', `v${draft.version} 已不是草稿，不能发布`);
  return { previousId };
}
