import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { assertCanRead } from '@/lib/auth/authorize';
import { notFound } from '@/lib/errors/domain-error';
import { parseInput } from '@/lib/validation/parse-input';
import type { RuleTestResult } from '@/rules/run-test-cases';
import { findRuleVersion } from './rule-version-record';
import { testRuleDocument } from './test-rule-document';

/** The test-case results of any version, shown in the publish dialog before anyone confirms. Writes nothing. */
export async function testRuleVersion(db: Kysely<Database>, actor: Actor, rawId: string): Promise<RuleTestResult[]> {
  const id = parseInput(z.uuid({ error: '规则版本编号无效' }), rawId);
  const version = await findRuleVersion(db, id);
  if (!version) throw notFound('规则版本');
  assertCanRead(actor, version.region_id);
  return testRuleDocument(db, version.rule_set_key, version.document);
}
