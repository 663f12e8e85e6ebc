import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { RuleSetKey } from '@/rules/catalog/rule-set-catalogs';

export interface RuleDecisionRow {
  ruleSetKey: RuleSetKey;
  regionId: string | null;
  versionId: string;
  subject: { type: string; id: string };
  facts: unknown;
  outcome: unknown;
  firedRules: string[];
  ruleResults: unknown;
  decidedAt: Date;
}

/**
 * Writes a decision to the log. With `atGeneration`, only if the published versions are still at that
 * generation in the statement's own snapshot, so a decision made with a cached version is logged (and
 * returned) only if that version was still the effective one: the check costs no extra round trip.
 * Returns the row's id, or null when the generation has moved on and nothing was written.
 */
export async function insertRuleDecision(
  db: Kysely<Database> | Transaction<Database>,
  row: RuleDecisionRow,
  atGeneration: number | null,
): Promise<string | null> {
  // insert … select leaves parameter types to the select list, hence the casts.
  const { rows } = await sql<{ id: string }>`
    insert into rule_decisions
      (rule_set_key, region_id, version_id, subject_type, subject_id, facts, outcome, fired_rules, rule_results, decided_at)
    select ${row.ruleSetKey}::text, ${row.regionId}::text, ${row.versionId}::uuid, ${row.subject.type}::text, ${row.subject.id}::text,
           ${JSON.stringify(row.facts)}::jsonb, ${JSON.stringify(row.outcome)}::jsonb, ${JSON.stringify(row.firedRules)}::jsonb,
           ${JSON.stringify(row.ruleResults)}::jsonb, ${row.decidedAt}::timestamptz
      from rule_cache_generation
     where id = 1 and (${atGeneration}::bigint is null or generation = ${atGeneration}::bigint)
    returning id`.execute(db);
  return rows[0]?.id ?? null;
}
