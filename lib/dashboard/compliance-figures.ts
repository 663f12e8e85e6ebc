import { sql, type Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { checkAuditChain } from '@/lib/audit/check-audit-chain';
import type { AuditChainReport } from '@/lib/audit/verify-audit-chain';
import { getRuleSetCatalog, type RuleSetKey, type RuleSetOutcomes } from '@/rules/catalog/rule-set-catalogs';
import { summarizeOutcome } from '@/rules/explain-decision';
import { now } from '@/lib/time/clock';

const DAY = 24 * 60 * 60 * 1000;

export interface DecisionOutcomeSeries {
  ruleSetKey: RuleSetKey;
  label: string;
  /** Each outcome (in words) and how many decisions reached it per week, oldest first. */
  outcomes: { outcome: string; counts: number[] }[];
  weeks: string[];
}

export interface ComplianceFigures {
  decisions: DecisionOutcomeSeries[];
  auditChain: AuditChainReport;
}

const WEEKS = 8;

/** 合规 的工作台: what each rule set decided, week by week for eight weeks, and whether the audit chain holds. */
export async function complianceFigures(db: Kysely<Database>, actor: Actor): Promise<ComplianceFigures> {
  const auditChain = await checkAuditChain(db, actor);
  const since = new Date(now().getTime() - WEEKS * 7 * DAY);
  const rows = await db
    .selectFrom('rule_decisions')
    .where('decided_at', '>=', since)
    .select(['rule_set_key', 'outcome', sql<string>`floor(extract(epoch from (decided_at - ${since}::timestamptz)) / ${7 * 24 * 3600})`.as('week')])
    .execute();
  // Each week by its first Beijing day (YYYY-MM-DD); the page words it.
  const weeks = Array.from({ length: WEEKS }, (_, i) => new Date(since.getTime() + i * 7 * DAY + 8 * 3600 * 1000).toISOString().slice(0, 10));
  const bySet = new Map<RuleSetKey, Map<string, number[]>>();
  for (const row of rows) {
    const key = row.rule_set_key as RuleSetKey;
    const outcome = summarizeOutcome(key, row.outcome as unknown as RuleSetOutcomes[RuleSetKey]);
    const outcomes = bySet.get(key) ?? new Map<string, number[]>();
    const counts = outcomes.get(outcome) ?? new Array<number>(WEEKS).fill(0);
    const week = Math.min(WEEKS - 1, Math.max(0, Number(row.week)));
    counts[week] = (counts[week] ?? 0) + 1;
    outcomes.set(outcome, counts);
    bySet.set(key, outcomes);
  }
  const decisions = [...bySet.entries()].map(([ruleSetKey, outcomes]) => ({
    ruleSetKey,
    label: getRuleSetCatalog(ruleSetKey).label,
    outcomes: [...outcomes.entries()].map(([outcome, counts]) => ({ outcome, counts })),
    weeks,
  }));
  return { decisions, auditChain };
}
