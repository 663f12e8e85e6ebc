import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
import type { RuleSetKey, RuleSetOutcomes } from '@/rules/catalog/rule-set-catalogs';
import type { EvaluatedRule } from '@/rules/evaluated-rule';
import { explainDecision, summarizeOutcome } from '@/rules/explain-decision';

export interface RuleDecisionRecord {
  id: string;
  rule_set_key: RuleSetKey;
  region_id: string | null;
  version_id: string;
  version: number;
  subject_type: string;
  subject_id: string;
  facts: Record<string, unknown>;
  outcome: Record<string, unknown>;
  fired_rules: string[];
  decided_at: Date;
  summary: string;
  /** Whether the version that decided was the region's own or the platform baseline (the region had none in force). */
  version_scope: 'regional' | 'baseline';
  /** Only on a single record: "为什么" in Chinese, rebuilt from the stored rule results. */
  explanation?: string;
}

function selectDecisions(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('rule_decisions as d')
    .innerJoin('rule_set_versions as v', 'v.id', 'd.version_id')
    .select([
      'd.id', 'd.rule_set_key', 'd.region_id', 'd.version_id', 'v.version', 'd.subject_type', 'd.subject_id',
      'd.facts', 'd.outcome', 'd.fired_rules', 'd.decided_at',
      sql<'regional' | 'baseline'>`case when v.region_id is null then 'baseline' else 'regional' end`.as('version_scope'),
    ]);
}

const summarize = <T extends { rule_set_key: RuleSetKey; outcome: Record<string, unknown> }>(row: T) => ({
  ...row,
  summary: summarizeOutcome(row.rule_set_key, row.outcome as unknown as RuleSetOutcomes[RuleSetKey]),
});

/** 决策日志: read-only; every decision names the version that made it and can explain itself. */
export const ruleDecisionResource: ResourceDefinition<RuleDecisionRecord> = {
  name: 'rule-decisions',
  entityType: 'rule_decision',
  label: '规则决策',
  idSchema: z.uuid({ error: '决策编号无效' }),
  defaultSort: 'decided_at',

  list: declaredList({
    from: selectDecisions,
    id: 'd.id',
    region: { column: 'd.region_id', orPlatform: true },
    filters: {
      rule_set_key: 'd.rule_set_key',
      subject_type: 'd.subject_type',
      subject_id: 'd.subject_id',
      version_id: { column: 'd.version_id', type: 'uuid' },
      region_id: 'd.region_id',
    },
    sortable: { id: 'd.id', decided_at: 'd.decided_at' },
    present: summarize,
  }),

  async findById(db, id) {
    const row = await db
      .selectFrom('rule_decisions as d')
      .innerJoin('rule_set_versions as v', 'v.id', 'd.version_id')
      .selectAll('d')
      .select(['v.version', sql<'regional' | 'baseline'>`case when v.region_id is null then 'baseline' else 'regional' end`.as('version_scope')])
      .where('d.id', '=', String(id))
      .executeTakeFirst();
    if (!row) return undefined;
    const { rule_results: ruleResults, ...rest } = row;
    const explanation = explainDecision({
      ruleSetKey: row.rule_set_key,
      outcome: row.outcome as unknown as RuleSetOutcomes[RuleSetKey],
      ruleResults: ruleResults as EvaluatedRule[],
    });
    const by = row.version_scope === 'baseline' ? `由平台基线 v${row.version} 决定（本区域当时没有自己的生效版本）` : `由本区域自己的版本 v${row.version} 决定`;
    return { ...summarize(rest), explanation: `${by}。${explanation.text}` };
  },
};
