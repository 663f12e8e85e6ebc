import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { parseInput } from '@/lib/validation/parse-input';
import { loadRuleVersion } from './load-rule-version';
import { testRuleDocument, type RegionalTestResult } from './test-rule-document';

const inputSchema = z.object({
  /** The document in the editor, saved or not; absent: the version as stored. */
  document: z.unknown().refine((v) => v !== null, { error: '请提供规则文档' }).optional(),
});

/**
 * The test-case results of a version, or of the document being edited on it (运行 in the editor, before
 * saving), against the cases that gate that version's region. Writes nothing.
 */
export async function testRuleVersion(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown = {}): Promise<RegionalTestResult[]> {
  const version = await loadRuleVersion(db, actor, rawId, 'read');
  const { document } = parseInput(inputSchema, input ?? {});
  return testRuleDocument(db, version.rule_set_key, version.region_id, document ?? version.document);
}
