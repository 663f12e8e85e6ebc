import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { filterIds, filterValue, runListQuery } from '@/lib/back-office/run-list-query';
import type { RuleSetKey, RuleSetOutcomes } from '@/rules/catalog/rule-set-catalogs';
import type { EvaluatedRule } from '@/rules/evaluated-rule';
import { explainDecision, summarizeOutcome } from '@/rules/explain-decision';
import { inRegionOrPlatform } from '@/lib/regions/region-filters';

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

  async list(db, scope, params) {
    let query = selectDecisions(db);
    if (scope !== null) query = query.where(inRegionOrPlatform('d.region_id', scope));
    const ids = filterIds(params.filter);
    if (ids) query = query.where('d.id', 'in', ids.map(String));
    const key = filterValue(params.filter, 'rule_set_key', 'string');
    if (key) query = query.where('d.rule_set_key', '=', key as RuleSetKey);
    for (const field of ['subject_type', 'subject_id', 'version_id', 'region_id'] as const) {
      const value = filterValue(params.filter, field, 'string');
      if (value) query = query.where(`d.${field}`, '=', value);
    }
    const page = await runListQuery(query, params, { id: 'd.id', decided_at: 'd.decided_at' });
    return { ...page, rows: page.rows.map(summarize) };
  },

  async findById(db, id) {
    const row = await db
      .selectFrom('rule_decisions as d')
      .innerJoin('rule_set_versions as v', 'v.id', 'd.version_id')
      .selectAll('d')
      .select('v.version')
      .where('d.id', '=', String(id))
      .executeTakeFirst();
    if (!row) return undefined;
    const { rule_results: ruleResults, ...rest } = row;
    const explanation = explainDecision({
      ruleSetKey: row.rule_set_key,
      outcome: row.outcome as unknown as RuleSetOutcomes[RuleSetKey],
      ruleResults: ruleResults as EvaluatedRule[],
    });
    return { ...summarize(rest), explanation: explanation.text };
  },
};
