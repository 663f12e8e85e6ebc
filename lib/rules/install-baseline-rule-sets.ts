import { sql, type Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { RULE_SET_KEYS } from '@/rules/catalog/rule-set-catalogs';
import { loadDefaultRuleDocument } from '@/rules/defaults/default-rule-documents';
import { DEFAULT_TEST_CASES } from '@/rules/defaults/default-test-cases';

const INSTALL_LOCK = 7_220_002;

/**
 * Every rule set needs a published baseline before the first decision. On first start the shipped
 * defaults become version 1 of each baseline, and the seed's clauses its test cases. Later starts
 * change nothing: from then on the baseline is edited and published like any version.
 */
export async function installBaselineRuleSets(db: Kysely<Database>, at: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${INSTALL_LOCK})`.execute(trx);
    for (const key of RULE_SET_KEYS) {
      const baseline = await trx
        .selectFrom('rule_set_versions')
        .select('id')
        .where('rule_set_key', '=', key)
        .where('region_id', 'is', null)
        .limit(1)
        .executeTakeFirst();
      if (!baseline) {
        await trx
          .insertInto('rule_set_versions')
          .values({
            rule_set_key: key,
            region_id: null,
            version: 1,
            status: 'published',
            document: JSON.stringify(loadDefaultRuleDocument(key)),
            note: '平台内置默认规则（依据操作手册）',
            created_by: null,
            created_at: at,
            updated_by: null,
            updated_at: at,
            published_at: at,
            publish_reason: '平台初始化：安装内置默认规则',
          })
          .execute();
      }
      const cases = await trx.selectFrom('rule_test_cases').select('id').where('rule_set_key', '=', key).limit(1).executeTakeFirst();
      if (!cases) {
        await trx
          .insertInto('rule_test_cases')
          .values(
            DEFAULT_TEST_CASES[key].map((c) => ({
              rule_set_key: key,
              name: c.name,
              facts: JSON.stringify(c.facts),
              expected: JSON.stringify(c.expected),
              created_by: null,
              created_at: at,
            })),
          )
          .execute();
      }
    }
  });
}
