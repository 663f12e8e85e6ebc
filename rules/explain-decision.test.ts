import { describe, expect, it } from 'vitest';
import { loadDefaultRuleDocument } from './defaults/default-rule-documents';
import { evaluatePreparedRuleSet } from './evaluate';
import { explainDecision, summarizeOutcome } from './explain-decision';
import { prepareRuleSet } from './prepared-rule-set';
import { validateRuleDocument } from './validate-rule-document';

const surrender = prepareRuleSet('surrender-eligibility', loadDefaultRuleDocument('surrender-eligibility'));
const payment = prepareRuleSet('payment-source', loadDefaultRuleDocument('payment-source'));

describe('explainDecision', () => {
  it('explains a refused surrender rule by rule, condition by condition', async () => {
    const decision = await evaluatePreparedRuleSet(surrender, { bidOpened: true, projectStatus: 'normal', applicantAbandons: true, paidByOnlineBanking: true });
    const explanation = explainDecision(decision);
    expect(explanation.summary).toBe('不予退保：不符合任何可退保情形（第四条）');
    expect(explanation.rules[0]).toEqual({
      name: '第一条：开标前投标人放弃投标或项目中止、暂停，可退保',
      fired: false,
      headline: '✗ 未触发：第一条：开标前投标人放弃投标或项目中止、暂停，可退保',
      lines: [
        { depth: 0, text: '同时满足以下全部条件 ✗', held: false },
        { depth: 1, text: '【已开标】为 否 ✗（实际：是）', held: false },
        { depth: 1, text: '满足以下任一条件 ✓', held: true },
        { depth: 2, text: '【投标人放弃投标】为 是 ✓', held: true },
        { depth: 2, text: '【项目状态】属于 中止、暂停 ✗（实际：正常）', held: false },
      ],
    });
    expect(explanation.rules[3]!.lines[1]!.text).toBe('【项目状态】不为 正常 ✗（实际：正常）');
  });

  it('explains an eligible surrender with its clause and the refund account', async () => {
    const decision = await evaluatePreparedRuleSet(surrender, { bidOpened: false, projectStatus: 'terminated', applicantAbandons: false, paidByOnlineBanking: true });
    const explanation = explainDecision(decision);
    expect(explanation.summary).toBe('可退保：开标前项目发生流标、终止（第二条）；网银支付保费，须完善退保账户信息');
    expect(explanation.rules.filter((r) => r.fired).map((r) => r.headline)).toEqual([
      '✓ 已触发：第二条：开标前项目流标、终止，可退保 → 可退保（第二条）',
      '✓ 已触发：项目异常且网银支付保费，须完善退保账户信息 → 须完善退保账户信息',
    ]);
  });

  it('explains a rejected payment and renders the whole explanation as indented text', async () => {
    const decision = await evaluatePreparedRuleSet(payment, {
      projectType: 'construction',
      payerIsBasicAccount: false,
      payerKind: 'enterprise',
      remarkMatches: true,
      amountMatches: true,
      alreadyPaid: false,
    });
    const { summary, text } = explainDecision(decision);
    expect(summary).toBe('拒绝：建设工程类项目须从企业基本户转账支付');
    expect(text).toContain(
      [
        '✓ 已触发：建设工程类项目未使用投保人企业基本户转账，予以拒绝 → 拒绝（建设工程类项目须从企业基本户转账支付）',
        '  同时满足以下全部条件 ✓',
        '    【项目类型】为 建设工程 ✓',
        '    满足以下任一条件 ✓',
        '      【付款账户为投保人企业基本户】为 否 ✓',
        '      【付款方类型】为 个人 ✗（实际：企业）',
      ].join('\n'),
    );
    expect(text.startsWith('拒绝：建设工程类项目须从企业基本户转账支付\n\n✗ 未触发：订单已支付，重复支付的转账予以拒绝\n')).toBe(true);
  });

  it('marks conditions the engine skipped as not decided, and words not-groups and notIn', () => {
    const validation = validateRuleDocument({
      ruleSetKey: 'surrender-eligibility',
      value: [
        {
          conditions: { not: { any: [{ fact: 'projectStatus', operator: 'notIn', value: ['normal', 'paused'] }] } },
          event: { type: 'eligible', params: { clause: 1 } },
        },
      ],
    });
    if (!validation.ok) throw new Error('fixture should validate');
    const explanation = explainDecision({
      ruleSetKey: 'surrender-eligibility',
      outcome: { eligible: false, clause: 4, refundAccountRequired: false },
      ruleResults: [{ index: 0, name: '第 1 条规则', fired: false, event: validation.rules[0]!.event, conditions: validation.rules[0]!.conditions }],
    });
    expect(explanation.rules[0]!.lines.map((l) => l.text)).toEqual([
      '以下条件不成立 —（未判定）',
      '满足以下任一条件 —（未判定）',
      '【项目状态】不属于 正常、暂停 —（未判定）',
    ]);
  });

  it.each([
    ['payment-source', { accepted: true }, '接受：转账符合支付来源规则'],
    ['payment-source', { accepted: false }, '拒绝：没有任何规则认可这笔转账'],
    ['payment-source', { accepted: false, reason: 'duplicate' }, '拒绝：订单已支付，本笔为重复支付'],
    ['invoice-type', { allowed: true }, '可开具：发票申请符合发票规则'],
    ['invoice-type', { allowed: false, reason: 'before_bid_opening' }, '不予开具：开标后方可申请发票'],
    ['invoice-type', { allowed: false, reason: 'electronic_special_not_supported' }, '不予开具：电子发票仅支持增值税普通发票'],
    ['invoice-type', { allowed: false }, '不予开具：没有任何规则允许此发票申请'],
    ['surrender-eligibility', { eligible: true, clause: 3, refundAccountRequired: false }, '可退保：开标后项目发生流标（第三条）'],
  ] as const)('summarizes %s %o as %s', (ruleSetKey, outcome, summary) => {
    expect(summarizeOutcome(ruleSetKey, outcome)).toBe(summary);
  });
});
