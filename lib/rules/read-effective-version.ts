import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import { effectiveVersionQuery, type EffectiveVersion } from './find-effective-version';
import { inRegionOrPlatform, inSameRegion } from '@/lib/regions/region-filters';
import { now } from '@/lib/time/clock';
import { nextActivationAfter } from '@/lib/versioning/in-force';

/** An effective version (none: the rule set has nothing published) with the generation it was read at. */
export interface GenerationTagged {
  generation: number;
  version: EffectiveVersion | undefined;
  /**
   * When a scheduled version (of the region or the baseline) takes effect next, if one waits: the version
   * read stops being the one in force then, without any write to say so (scheduled activation).
   */
  validUntil: Date | null;
}

/** Whether an entry still names the version in force at `at` as far as the clock goes (its generation aside). */
export const inForceUntilAfter = (entry: GenerationTagged, at: Date) => entry.validUntil === null || at.getTime() < entry.validUntil.getTime();

/**
 * The effective version and the generation of the published versions in one statement, so both come
 * from one snapshot: the pair can be cached without a publish slipping in between the two reads.
 */
export async function readEffectiveVersion(
  db: Kysely<Database> | Transaction<Database>,
  key: RuleSetKey,
  regionId: string | null,
  at: Date = now(),
): Promise<GenerationTagged> {
  const next = db
    .selectFrom('rule_set_versions')
    .select(nextActivationAfter(at).as('valid_until'))
    .where('rule_set_key', '=', key)
    .where(regionId === null ? inSameRegion('region_id', null) : inRegionOrPlatform('region_id', regionId));
  const row = await db
    .selectFrom('rule_cache_generation as g')
    .leftJoinLateral(effectiveVersionQuery(db, key, regionId, at).as('v'), (join) => join.onTrue())
    .leftJoinLateral(next.as('n'), (join) => join.onTrue())
    .select(['g.generation', 'v.id', 'v.version', 'v.region_id', 'v.document', 'n.valid_until'])
    .where('g.id', '=', 1)
    .executeTakeFirstOrThrow();
  const version = row.id === null ? undefined : { id: row.id, version: row.version!, region_id: row.region_id, document: row.document };
  return { generation: row.generation, version, validUntil: row.valid_until ? new Date(row.valid_until) : null };
}

/** The committed (or, inside a transaction, the transaction's own) generation of the published versions. */
export async function readGeneration(db: Kysely<Database> | Transaction<Database>): Promise<number> {
  const row = await db.selectFrom('rule_cache_generation').select('generation').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.generation;
}
