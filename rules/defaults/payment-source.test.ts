import { describe, expect, it } from 'vitest';
import type { PaymentSourceFacts } from '../catalog/payment-source';
import { evaluatePreparedRuleSet } from '../evaluate';
import { prepareRuleSet } from '../prepared-rule-set';
import { loadDefaultRuleDocument } from './default-rule-documents';

/**
 * The seed's payment rules (投保操作流程 第三步) and the documented precedence of rejection reasons
 * (duplicate, remark, amount, basic account), written out by hand.
 */
function seedPayment(f: PaymentSourceFacts): { accepted: true } | { accepted: false; reason: string } {
  if (f.alreadyPaid) return { accepted: false, reason: 'duplicate' };
  if (!f.remarkMatches) return { accepted: false, reason: 'remark_mismatch' };
  if (!f.amountMatches) return { accepted: false, reason: 'amount_mismatch' };
  // 建设工程类项目：请务必使用投保人【企业基本户】进行转账; 政府采购类项目：个人网银或企业网银均可
  if (f.projectType === 'construction' && !(f.payerIsBasicAccount && f.payerKind === 'enterprise')) {
    return { accepted: false, reason: 'not_basic_account' };
  }
  return { accepted: true };
}

const yesNo = [true, false] as const;
const cases: PaymentSourceFacts[] = (['construction', 'procurement'] as const).flatMap((projectType) =>
  yesNo.flatMap((payerIsBasicAccount) =>
    (['enterprise', 'personal'] as const).flatMap((payerKind) =>
      yesNo.flatMap((remarkMatches) =>
        yesNo.flatMap((amountMatches) =>
          yesNo.map((alreadyPaid) => ({ projectType, payerIsBasicAccount, payerKind, remarkMatches, amountMatches, alreadyPaid })),
        ),
      ),
    ),
  ),
);

const prepared = prepareRuleSet('payment-source', loadDefaultRuleDocument('payment-source'));

describe('default payment-source rules', () => {
  it('covers every combination of the facts', () => {
    expect(cases).toHaveLength(64);
  });

  it.each(cases)(
    'type=$projectType basic=$payerIsBasicAccount kind=$payerKind remark=$remarkMatches amount=$amountMatches paid=$alreadyPaid',
    async (facts) => {
      const decision = await evaluatePreparedRuleSet(prepared, facts);
      expect(decision.outcome).toEqual(seedPayment(facts));
    },
  );

  it('reports the duplicate even when every other check fails too', async () => {
    const decision = await evaluatePreparedRuleSet(prepared, {
      projectType: 'construction',
      payerIsBasicAccount: false,
      payerKind: 'personal',
      remarkMatches: false,
      amountMatches: false,
      alreadyPaid: true,
    });
    expect(decision.outcome).toEqual({ accepted: false, reason: 'duplicate' });
    expect(decision.firedRuleNames).toHaveLength(4);
  });

  it('accepts a personal online-banking payment for a procurement project', async () => {
    const decision = await evaluatePreparedRuleSet(prepared, {
      projectType: 'procurement',
      payerIsBasicAccount: false,
      payerKind: 'personal',
      remarkMatches: true,
      amountMatches: true,
      alreadyPaid: false,
    });
    expect(decision.outcome).toEqual({ accepted: true });
    expect(decision.firedRuleNames).toEqual(['附言、金额相符且付款来源符合项目类型要求，接受']);
  });
});
