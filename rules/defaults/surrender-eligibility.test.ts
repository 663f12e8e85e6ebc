import { describe, expect, it } from 'vitest';
import type { SurrenderEligibilityFacts } from '../catalog/surrender-eligibility';
import { evaluatePreparedRuleSet } from '../evaluate';
import { prepareRuleSet } from '../prepared-rule-set';
import { validateRuleDocument } from '../validate-rule-document';
import { loadDefaultRuleDocument } from './default-rule-documents';

/**
 * The seed's surrender clauses, written out by hand from 退保操作流程 第一步 and deliberately not derived
 * from the catalog or the JSON, so a wrong default rule makes these tests fail.
 */
function seedSurrender(f: SurrenderEligibilityFacts): { eligible: boolean; clause: 1 | 2 | 3 | 4; refundAccountRequired: boolean } {
  let clause: 1 | 2 | 3 | 4 = 4;
  // (1) 开标前投保人放弃投保或项目发生中止、暂停
  if (!f.bidOpened && (f.applicantAbandons || f.projectStatus === 'suspended' || f.projectStatus === 'paused')) clause = 1;
  // (2) 开标前项目发生流标、终止
  else if (!f.bidOpened && (f.projectStatus === 'failed' || f.projectStatus === 'terminated')) clause = 2;
  // (3) 开标后项目发生流标
  else if (f.bidOpened && f.projectStatus === 'failed') clause = 3;
  const eligible = clause !== 4;
  // 当项目发生异常时，网银支付保费的用户须【完善退保账户信息】 — only meaningful for a surrender that happens.
  const anomaly = f.projectStatus !== 'normal';
  return { eligible, clause, refundAccountRequired: eligible && anomaly && f.paidByOnlineBanking };
}

const statuses = ['normal', 'suspended', 'paused', 'failed', 'terminated'] as const;
const yesNo = [true, false] as const;
const cases: SurrenderEligibilityFacts[] = statuses.flatMap((projectStatus) =>
  yesNo.flatMap((bidOpened) =>
    yesNo.flatMap((applicantAbandons) =>
      yesNo.map((paidByOnlineBanking) => ({ projectStatus, bidOpened, applicantAbandons, paidByOnlineBanking })),
    ),
  ),
);

const prepared = prepareRuleSet('surrender-eligibility', loadDefaultRuleDocument('surrender-eligibility'));

describe('default surrender-eligibility rules', () => {
  it('covers every combination of the facts', () => {
    expect(cases).toHaveLength(5 * 2 * 2 * 2);
  });

  it.each(cases)('status=$projectStatus opened=$bidOpened abandons=$applicantAbandons onlineBanking=$paidByOnlineBanking', async (facts) => {
    const decision = await evaluatePreparedRuleSet(prepared, facts);
    expect(decision.outcome).toEqual(seedSurrender(facts));
  });

  it.each(cases)('raw refund-account event fires exactly on an anomaly paid by online banking: %o', async (facts) => {
    const decision = await evaluatePreparedRuleSet(prepared, facts);
    const fired = decision.ruleResults.filter((r) => r.fired && r.event.type === 'refund-account-required');
    expect(fired.length).toBe(facts.projectStatus !== 'normal' && facts.paidByOnlineBanking ? 1 : 0);
  });

  it('reports the first clause when a bidder abandons a failed project before opening (clauses 1 and 2 both hold)', async () => {
    const decision = await evaluatePreparedRuleSet(prepared, {
      bidOpened: false,
      projectStatus: 'failed',
      applicantAbandons: true,
      paidByOnlineBanking: false,
    });
    expect(decision.outcome).toEqual({ eligible: true, clause: 1, refundAccountRequired: false });
    expect(decision.firedRuleNames).toEqual(['第一条：开标前投标人放弃投标或项目中止、暂停，可退保', '第二条：开标前项目流标、终止，可退保']);
  });

  it('refuses a bidder who abandons after opening on a normal project (clause 4)', async () => {
    const decision = await evaluatePreparedRuleSet(prepared, {
      bidOpened: true,
      projectStatus: 'normal',
      applicantAbandons: true,
      paidByOnlineBanking: true,
    });
    expect(decision.outcome).toEqual({ eligible: false, clause: 4, refundAccountRequired: false });
    expect(decision.firedRuleNames).toEqual([]);
  });

  it('would notice a wrong default: clause 3 mistyped as 终止 instead of 流标 breaks the oracle', async () => {
    const mutated = structuredClone(loadDefaultRuleDocument('surrender-eligibility')) as unknown as { conditions: { all: { value: unknown }[] } }[];
    mutated[2]!.conditions.all[1]!.value = 'terminated';
    const validation = validateRuleDocument({ ruleSetKey: 'surrender-eligibility', value: mutated });
    if (!validation.ok) throw new Error('the mutation should still be a valid document');
    const wrong = prepareRuleSet('surrender-eligibility', validation.rules);
    const mismatches = [];
    for (const facts of cases) {
      const { outcome } = await evaluatePreparedRuleSet(wrong, facts);
      if (JSON.stringify(outcome) !== JSON.stringify(seedSurrender(facts))) mismatches.push(facts);
    }
    expect(mismatches.length).toBeGreaterThan(0);
  });
});
