import type { RuleSetKey } from '../catalog/rule-set-catalogs';
import type { RuleTestCase } from '../run-test-cases';
import testCases from './test-cases.json' with { type: 'json' };

/** The publish gate's starting cases, one or more per clause of the seed; operators add their own. */
export const DEFAULT_TEST_CASES: Readonly<Record<RuleSetKey, readonly RuleTestCase[]>> = testCases;
