import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import { prepareRuleSet } from '@/rules/prepared-rule-set';
import { runTestCases, type RuleTestResult } from '@/rules/run-test-cases';
import { inRegionOrPlatform, inSameRegion } from '@/lib/regions/region-filters';
import { parseRuleDocument } from './parse-rule-document';

/**
 * The cases that gate a version of a region (null: the baseline): the platform's cases, where the region
 * has a case of the same name its own instead (a region that changed a rule on purpose states the outcome
 * it now expects there), then the region's other cases.
 */
export async function effectiveTestCases(db: Kysely<Database> | Transaction<Database>, ruleSetKey: RuleSetKey, regionId: string | null) {
  const rows = await db
    .selectFrom('rule_test_cases')
    .select(['id', 'name', 'facts', 'expected', 'region_id'])
    .where('rule_set_key', '=', ruleSetKey)
    .where(regionId === null ? inSameRegion('region_id', null) : inRegionOrPlatform('region_id', regionId))
    .orderBy('created_at')
    .orderBy('name')
    .execute();
  const regional = new Map(rows.filter((r) => r.region_id !== null).map((r) => [r.name, r]));
  const platform = rows.filter((r) => r.region_id === null);
  const platformNames = new Set(platform.map((r) => r.name));
  // An override only ever replaces the expected outcome: the facts stay the platform's.
  const overridden = platform.map((r) => {
    const own = regional.get(r.name);
    return own ? { ...own, facts: r.facts } : r;
  });
  return [...overridden, ...[...regional.values()].filter((r) => !platformNames.has(r.name))];
}

/** A result with what the editor's table shows beside it: the case's facts and whose case it is. */
export interface RegionalTestResult extends RuleTestResult {
  facts: Record<string, unknown>;
  /** null: the platform's case; else the region's own. */
  regionId: string | null;
}

/** Runs the cases that gate a version of that region against a document; the publish gate and the editors use this. */
export async function testRuleDocument(
  db: Kysely<Database> | Transaction<Database>,
  ruleSetKey: RuleSetKey,
  regionId: string | null,
  document: unknown,
): Promise<RegionalTestResult[]> {
  const cases = await effectiveTestCases(db, ruleSetKey, regionId);
  const results = await runTestCases(prepareRuleSet(ruleSetKey, parseRuleDocument(ruleSetKey, document)), cases);
  return results.map((result, index) => ({ ...result, facts: cases[index]!.facts, regionId: cases[index]!.region_id }));
}
