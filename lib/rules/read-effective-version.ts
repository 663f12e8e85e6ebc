import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import { effectiveVersionQuery, type EffectiveVersion } from './find-effective-version';

/** An effective version (none: the rule set has nothing published) with the generation it was read at. */
export interface GenerationTagged {
  generation: number;
  version: EffectiveVersion | undefined;
}

/**
 * The effective version and the generation of the published versions in one statement, so both come
 * from one snapshot: the pair can be cached without a publish slipping in between the two reads.
 */
export async function readEffectiveVersion(
  db: Kysely<Database> | Transaction<Database>,
  key: RuleSetKey,
  regionId: string | null,
): Promise<GenerationTagged> {
  const row = await db
    .selectFrom('rule_cache_generation as g')
    .leftJoinLateral(effectiveVersionQuery(db, key, regionId).as('v'), (join) => join.onTrue())
    .select(['g.generation', 'v.id', 'v.version', 'v.region_id', 'v.document'])
    .where('g.id', '=', 1)
    .executeTakeFirstOrThrow();
  const version = row.id === null ? undefined : { id: row.id, version: row.version!, region_id: row.region_id, document: row.document };
  return { generation: row.generation, version };
}

/** The committed (or, inside a transaction, the transaction's own) generation of the published versions. */
export async function readGeneration(db: Kysely<Database> | Transaction<Database>): Promise<number> {
  const row = await db.selectFrom('rule_cache_generation').select('generation').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.generation;
}
