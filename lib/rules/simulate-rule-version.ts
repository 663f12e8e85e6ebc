import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { readableRegions } from '@/lib/auth/authorize';
import { parseInput } from '@/lib/validation/parse-input';
import type { RuleSetOutcomes } from '@/rules/catalog/rule-set-catalogs';
import { evaluatePreparedRuleSet } from '@/rules/evaluate';
import { explainDecision, summarizeOutcome, type DecisionExplanation } from '@/rules/explain-decision';
import { prepareRuleSet } from '@/rules/prepared-rule-set';
import { loadRuleVersion } from './load-rule-version';
import { parseRuleDocument } from './parse-rule-document';
import { inRegionOrPlatform } from '@/lib/regions/region-filters';

const inputSchema = z.union([
  z.object({ facts: z.record(z.string(), z.unknown(), { error: '请填写判定依据' }) }),
  z.object({ recent: z.number({ error: '请填写回放的决策条数' }).int().min(1).max(500, { error: '最多回放最近 500 条决策' }) }),
]);

export interface ReplayedDecision {
  decisionId: string;
  decidedAt: Date;
  subjectType: string;
  subjectId: string;
  logged: string;
  simulated: string;
}

export type SimulationResult =
  | { mode: 'facts'; summary: string; outcome: unknown; firedRules: string[]; explanation: DecisionExplanation }
  | { mode: 'recent'; checked: number; changed: ReplayedDecision[] };

/**
 * 试算: runs a version (typically a draft) on facts typed in by the operator, or replays the last N logged
 * decisions of its rule set and region and lists those whose outcome would change. Writes nothing.
 * A baseline version is replayed against decisions of every region.
 */
export async function simulateRuleVersion(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown): Promise<SimulationResult> {
  const request = parseInput(inputSchema, input);
  const version = await loadRuleVersion(db, actor, rawId, 'read');
  const key = version.rule_set_key;
  const prepared = prepareRuleSet(key, parseRuleDocument(key, version.document));

  if ('facts' in request) {
    const decision = await evaluatePreparedRuleSet(prepared, request.facts);
    return {
      mode: 'facts',
      summary: summarizeOutcome(key, decision.outcome),
      outcome: decision.outcome,
      firedRules: decision.firedRuleNames,
      explanation: explainDecision(decision),
    };
  }

  let query = db
    .selectFrom('rule_decisions')
    .select(['id', 'decided_at', 'subject_type', 'subject_id', 'facts', 'outcome'])
    .where('rule_set_key', '=', key);
  if (version.region_id !== null) query = query.where('region_id', '=', version.region_id);
  // A baseline version affects every region, but an operator replays only what it may read.
  const scope = readableRegions(actor);
  if (scope !== null) query = query.where(inRegionOrPlatform('region_id', scope));
  const past = await query.orderBy('decided_at', 'desc').orderBy('id').limit(request.recent).execute();
  const changed: ReplayedDecision[] = [];
  for (const decision of past) {
    const replay = await evaluatePreparedRuleSet(prepared, decision.facts);
    const logged = summarizeOutcome(key, decision.outcome as unknown as RuleSetOutcomes[typeof key]);
    const simulated = summarizeOutcome(key, replay.outcome);
    if (JSON.stringify(sortKeys(replay.outcome)) !== JSON.stringify(sortKeys(decision.outcome))) {
      changed.push({ decisionId: decision.id, decidedAt: decision.decided_at, subjectType: decision.subject_type, subjectId: decision.subject_id, logged, simulated });
    }
  }
  return { mode: 'recent', checked: past.length, changed };
}

function sortKeys(value: unknown): unknown {
  return value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value;
}
