import { describe, expect, it } from 'vitest';
import { getRuleSetCatalog } from './catalog/rule-set-catalogs';
import { describeRule } from './describe-conditions';
import { loadDefaultRuleDocument } from './defaults/default-rule-documents';
import type { DocumentRule } from './rule-document-types';

describe('describeRule', () => {
  const surrender = getRuleSetCatalog('surrender-eligibility');

  it('words a simple rule the way the admin reads it', () => {
    const rule: DocumentRule = {
      conditions: {
        all: [
          { fact: 'bidOpened', operator: 'equal', value: false },
          { fact: 'projectStatus', operator: 'in', value: ['suspended', 'paused'] },
        ],
      },
      event: { type: 'eligible', params: { clause: 1 } },
    };
    expect(describeRule(surrender, rule)).toBe('当 已开标 = 否 且 项目状态 属于 [中止, 暂停] 时 → 可退保（第一条）');
  });

  it('puts nested groups in parentheses and words not, notEqual and notIn', () => {
    const rule: DocumentRule = {
      conditions: {
        any: [
          { not: { fact: 'applicantAbandons', operator: 'equal', value: true } },
          { all: [{ fact: 'projectStatus', operator: 'notEqual', value: 'normal' }, { fact: 'projectStatus', operator: 'notIn', value: ['failed'] }] },
        ],
      },
      event: { type: 'refund-account-required' },
    };
    expect(describeRule(surrender, rule)).toBe(
      '当 并非（投标人放弃投标 = 是） 或 （项目状态 ≠ 正常 且 项目状态 不属于 [流标]） 时 → 须完善退保账户信息',
    );
  });

  it('renders every shipped default rule', () => {
    const payment = getRuleSetCatalog('payment-source');
    const invoice = getRuleSetCatalog('invoice-type');
    expect(loadDefaultRuleDocument('surrender-eligibility').map((r) => describeRule(surrender, r))).toEqual([
      '当 已开标 = 否 且 （投标人放弃投标 = 是 或 项目状态 属于 [中止, 暂停]） 时 → 可退保（第一条）',
      '当 已开标 = 否 且 项目状态 属于 [流标, 终止] 时 → 可退保（第二条）',
      '当 已开标 = 是 且 项目状态 = 流标 时 → 可退保（第三条）',
      '当 项目状态 ≠ 正常 且 网银支付 = 是 时 → 须完善退保账户信息',
    ]);
    expect(loadDefaultRuleDocument('payment-source').map((r) => describeRule(payment, r))).toEqual([
      '当 订单已支付 = 是 时 → 拒绝（订单已支付，本笔为重复支付）',
      '当 银行附言一致 = 否 时 → 拒绝（转账附言与订单银行附言不一致）',
      '当 金额一致 = 否 时 → 拒绝（转账金额与应缴保费不一致）',
      '当 项目类型 = 建设工程 且 （付款账户为投保人企业基本户 = 否 或 付款方类型 = 个人） 时 → 拒绝（建设工程类项目须从企业基本户转账支付）',
      '当 订单已支付 = 否 且 银行附言一致 = 是 且 金额一致 = 是 且 （项目类型 = 政府采购 或 （付款账户为投保人企业基本户 = 是 且 付款方类型 = 企业）） 时 → 接受',
    ]);
    expect(loadDefaultRuleDocument('invoice-type').map((r) => describeRule(invoice, r))).toEqual([
      '当 已开标 = 否 时 → 不予开具（开标后方可申请发票）',
      '当 发票介质 = 电子发票 且 发票类型 = 增值税专用发票 时 → 不予开具（电子发票仅支持增值税普通发票）',
      '当 已开标 = 是 且 （发票介质 = 纸质发票 或 发票类型 = 增值税普通发票） 时 → 可开具',
    ]);
  });
});
