import type { RuleSetKey } from './catalog/rule-set-catalogs';
import { evaluatePreparedRuleSet } from './evaluate';
import { summarizeOutcome } from './explain-decision';
import type { PreparedRuleSet } from './prepared-rule-set';

export interface RuleTestCase {
  /** The stored case's id, handed back with its result so an editor can mark the row. */
  id?: string;
  name: string;
  facts: Record<string, unknown>;
  /** The parts of the normalized outcome that must match; keys not named are not checked. */
  expected: Record<string, unknown>;
}

export interface RuleTestResult {
  id?: string;
  name: string;
  passed: boolean;
  expected: Record<string, unknown>;
  actual: Record<string, unknown> | null;
  /** The actual outcome in Chinese, or why the case could not run. */
  summary: string;
}

/**
 * Runs a rule set's saved cases against a document: the publish gate. A case whose facts no longer fit
 * the catalog fails rather than throws, so one stale case cannot hide the others' results.
 */
export async function runTestCases<K extends RuleSetKey>(
  prepared: PreparedRuleSet<K>,
  cases: readonly RuleTestCase[],
): Promise<RuleTestResult[]> {
  const results: RuleTestResult[] = [];
  for (const testCase of cases) {
    try {
      const decision = await evaluatePreparedRuleSet(prepared, testCase.facts);
      const actual = decision.outcome as unknown as Record<string, unknown>;
      const passed = Object.entries(testCase.expected).every(([key, value]) => actual[key] === value);
      results.push({ id: testCase.id, name: testCase.name, passed, expected: testCase.expected, actual, summary: summarizeOutcome(prepared.ruleSetKey, decision.outcome) });
    } catch (error) {
      results.push({ id: testCase.id, name: testCase.name, passed: false, expected: testCase.expected, actual: null, summary: `无法运行：${(error as Error).message}` });
    }
  }
  return results;
}
