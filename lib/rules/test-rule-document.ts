import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import { prepareRuleSet } from '@/rules/prepared-rule-set';
import { runTestCases, type RuleTestResult } from '@/rules/run-test-cases';
import { parseRuleDocument } from './parse-rule-document';

/** Runs the rule set's saved test cases against a document; the publish gate and the publish dialog use this. */
export async function testRuleDocument(
  db: Kysely<Database> | Transaction<Database>,
  ruleSetKey: RuleSetKey,
  document: unknown,
): Promise<RuleTestResult[]> {
  const cases = await db
    .selectFrom('rule_test_cases')
    .select(['name', 'facts', 'expected'])
    .where('rule_set_key', '=', ruleSetKey)
    .orderBy('created_at')
    .orderBy('name')
    .execute();
  return runTestCases(prepareRuleSet(ruleSetKey, parseRuleDocument(ruleSetKey, document)), cases);
}
