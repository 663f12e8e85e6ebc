import { Engine, type EngineResult } from 'json-rules-engine';
import type { RuleSetFacts, RuleSetKey } from './catalog/rule-set-catalogs';
import { toEvaluatedRule, type EvaluatedRule } from './evaluated-rule';
import type { ValidRuleDocument } from './rule-document-types';
import { validateFacts } from './validate-facts';

/**
 * One validated rule document with its json-rules-engine Engine, built once and run many times.
 *
 * Runs are serialized. json-rules-engine keeps a single `status` on the Engine for the run in progress,
 * and a run that finishes marks it FINISHED, which makes any other run still between priority levels
 * skip its remaining rules. Sharing one Engine between concurrent decisions therefore drops rules
 * (a test in prepared-rule-set.test.ts fails without the queue). A run takes well under a millisecond, so a queue costs little.
 */
export interface PreparedRuleSet<K extends RuleSetKey = RuleSetKey> {
  readonly ruleSetKey: K;
  readonly rules: ValidRuleDocument;
  /**
   * Checks the facts against the catalog (throwing RuleFactsInvalidError before any rule runs), then
   * returns the checked facts and every rule's result in document order.
   */
  run(facts: unknown): Promise<PreparedRunResult<K>>;
}

export interface PreparedRunResult<K extends RuleSetKey> {
  facts: RuleSetFacts[K];
  ruleResults: EvaluatedRule[];
}

function buildEngine(rules: ValidRuleDocument): Engine {
  const engine = new Engine([], {
    // A missing fact must be an error, never "undefined", which every condition would treat as false.
    allowUndefinedFacts: false,
    allowUndefinedConditions: false,
    replaceFactsInEventParams: false,
  });
  rules.forEach((rule, index) => {
    engine.addRule({
      // The engine's name is the document index, so results map back to the rule even when names are
      // absent; the display name is restored from the document in toEvaluatedRule.
      name: String(index),
      ...(rule.priority !== undefined ? { priority: rule.priority } : {}),
      // json-rules-engine writes into the condition objects it is given; the document must stay intact
      // because it is shared by every run and may be cached.
      conditions: structuredClone(rule.conditions),
      event: structuredClone(rule.event),
    });
  });
  return engine;
}

export function prepareRuleSet<K extends RuleSetKey>(ruleSetKey: K, rules: ValidRuleDocument): PreparedRuleSet<K> {
  let engine = buildEngine(rules);
  let queue: Promise<unknown> = Promise.resolve();

  async function runOnce(facts: RuleSetFacts[K]): Promise<EvaluatedRule[]> {
    let outcome: EngineResult;
    try {
      // A copy, because the engine keeps what it is given in its almanac.
      outcome = await engine.run({ ...facts });
    } catch (error) {
      // A failed run keeps evaluating its remaining priority levels in the background and finally marks
      // the engine FINISHED, which would cut short the next run; a fresh engine leaves that run behind.
      engine = buildEngine(rules);
      throw error;
    }
    const byIndex = new Map<number, EvaluatedRule>();
    for (const result of [...outcome.results, ...outcome.failureResults]) {
      const index = Number(result.name);
      byIndex.set(index, toEvaluatedRule(rules[index]!, index, result));
    }
    // Rules of one priority run in parallel and finish in an order that depends on their shape; sorting
    // by document index makes the reported order (and thus the decision log) deterministic.
    return rules.map((_, index) => {
      const evaluated = byIndex.get(index);
      if (!evaluated) throw new Error(`rule ${index} produced no result`);
      return evaluated;
    });
  }

  return {
    ruleSetKey,
    rules,
    async run(facts) {
      const checked = validateFacts(ruleSetKey, facts);
      const next = queue.then(() => runOnce(checked));
      // The queue must keep going after a failed run; the failure itself goes to this run's caller.
      queue = next.catch(() => undefined);
      return { facts: checked, ruleResults: await next };
    },
  };
}
