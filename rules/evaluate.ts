import type { RuleSetFacts, RuleSetKey, RuleSetOutcomes } from './catalog/rule-set-catalogs';
import { sharedRuleEngineCache, type RuleEngineCache } from './engine-cache';
import type { EvaluatedRule } from './evaluated-rule';
import { normalizeOutcome } from './normalize-outcome';
import type { PreparedRuleSet } from './prepared-rule-set';

/** Everything a decision log entry needs besides the version id, which the caller already has. */
export interface Decision<K extends RuleSetKey = RuleSetKey> {
  ruleSetKey: K;
  /** The facts as checked against the catalog (exactly the catalog's facts). */
  facts: RuleSetFacts[K];
  outcome: RuleSetOutcomes[K];
  /** Names of the rules that fired, in document order. */
  firedRuleNames: string[];
  /** Every rule, fired or not, with its evaluated condition tree; the input of `explainDecision`. */
  ruleResults: EvaluatedRule[];
}

export interface EvaluateRuleSetOptions<K extends RuleSetKey> {
  ruleSetKey: K;
  /** Identifies an immutable document; the engine is built once per id (see RuleEngineCache). */
  versionId: string;
  /** The version's rule document: JSON text or the parsed value, validated on first use. */
  document: unknown;
  facts: RuleSetFacts[K];
  cache?: RuleEngineCache;
}

/**
 * Decides one case with one version of a rule set. Throws RuleDocumentInvalidError for a document that
 * does not validate and RuleFactsInvalidError for facts that do not match the catalog; in both cases
 * no rule has run. The same document and facts always give the same decision.
 */
export async function evaluateRuleSet<K extends RuleSetKey>(options: EvaluateRuleSetOptions<K>): Promise<Decision<K>> {
  const cache = options.cache ?? sharedRuleEngineCache;
  const prepared = cache.get(options.ruleSetKey, options.versionId, options.document);
  return evaluatePreparedRuleSet(prepared, options.facts);
}

/**
 * Decides with an already prepared rule set, e.g. a draft being tried out in the editor or simulated
 * against past decisions. `facts` is `unknown` because replayed facts come from the decision log.
 */
export async function evaluatePreparedRuleSet<K extends RuleSetKey>(prepared: PreparedRuleSet<K>, facts: unknown): Promise<Decision<K>> {
  const { facts: checked, ruleResults } = await prepared.run(facts);
  const fired = ruleResults.filter((r) => r.fired);
  return {
    ruleSetKey: prepared.ruleSetKey,
    facts: checked,
    outcome: normalizeOutcome(prepared.ruleSetKey, fired.map((r) => r.event)),
    firedRuleNames: fired.map((r) => r.name),
    ruleResults,
  };
}
