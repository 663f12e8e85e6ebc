import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import type { RuleTestResult } from '@/rules/run-test-cases';
import { loadRuleVersion } from './load-rule-version';
import { testRuleDocument } from './test-rule-document';

/** The test-case results of any version, shown in the publish dialog before anyone confirms. Writes nothing. */
export async function testRuleVersion(db: Kysely<Database>, actor: Actor, rawId: string): Promise<RuleTestResult[]> {
  const version = await loadRuleVersion(db, actor, rawId, 'read');
  return testRuleDocument(db, version.rule_set_key, version.document);
}
