import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { now } from '@/lib/time/clock';
import { getRuleSetCatalog, type RuleSetFacts, type RuleSetKey, type RuleSetOutcomes } from '@/rules/catalog/rule-set-catalogs';
import { evaluateRuleSet } from '@/rules/evaluate';
import type { EvaluatedRule } from '@/rules/evaluated-rule';
import { findEffectiveVersion } from './find-effective-version';

export interface DecideOptions {
  /** The region whose rules apply; null asks the baseline. */
  region: string | null;
  /** What the decision is about (an order, a transfer); when given, the decision is logged. */
  subject?: { type: string; id: string };
}

export interface RuleDecision<K extends RuleSetKey> {
  outcome: RuleSetOutcomes[K];
  firedRules: string[];
  ruleResults: EvaluatedRule[];
  versionId: string;
  version: number;
  /** The decision log row, when a subject was given. */
  decisionId?: string;
}

/**
 * The one way the product asks its rules. Facts are checked against the catalog before any rule runs;
 * the region's published version (else the baseline) decides; a decision about a subject is written to
 * the decision log in the caller's transaction, so it commits together with what it caused.
 */
export async function decide<K extends RuleSetKey>(
  db: Kysely<Database> | Transaction<Database>,
  ruleSetKey: K,
  facts: RuleSetFacts[K],
  options: DecideOptions,
): Promise<RuleDecision<K>> {
  const version = await findEffectiveVersion(db, ruleSetKey, options.region);
  if (!version) throw new Error(`no published version of ${getRuleSetCatalog(ruleSetKey).label} (${ruleSetKey})`);
  const decision = await evaluateRuleSet({ ruleSetKey, versionId: version.id, document: version.document, facts });
  const result: RuleDecision<K> = {
    outcome: decision.outcome,
    firedRules: decision.firedRuleNames,
    ruleResults: decision.ruleResults,
    versionId: version.id,
    version: version.version,
  };
  if (options.subject) {
    const row = await db
      .insertInto('rule_decisions')
      .values({
        rule_set_key: ruleSetKey,
        region_id: options.region,
        version_id: version.id,
        subject_type: options.subject.type,
        subject_id: options.subject.id,
        facts: JSON.stringify(decision.facts),
        outcome: JSON.stringify(decision.outcome),
        fired_rules: JSON.stringify(decision.firedRuleNames),
        rule_results: JSON.stringify(decision.ruleResults),
        decided_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    result.decisionId = row.id;
  }
  return result;
}
