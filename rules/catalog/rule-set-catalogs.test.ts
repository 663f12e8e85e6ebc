import { describe, expect, it } from 'vitest';
import { INVOICE_REFUSAL_PRECEDENCE } from './invoice-type';
import { PAYMENT_REJECTION_PRECEDENCE } from './payment-source';
import { getRuleSetCatalog, isRuleSetKey, labelFactValue, RULE_SET_KEYS } from './rule-set-catalogs';

describe('rule set catalogs', () => {
  it('knows exactly the three rule sets of the design', () => {
    expect(RULE_SET_KEYS).toEqual(['surrender-eligibility', 'payment-source', 'invoice-type']);
    expect(isRuleSetKey('payment-source')).toBe(true);
    expect(isRuleSetKey('toString')).toBe(false);
    expect(isRuleSetKey(undefined)).toBe(false);
  });

  it.each(RULE_SET_KEYS)('%s has the facts of the contract', (key) => {
    const facts = Object.fromEntries(getRuleSetCatalog(key).facts.map((f) => [f.name, f.type === 'enum' ? f.values.map((v) => v.value) : 'boolean']));
    const expected = {
      'surrender-eligibility': {
        bidOpened: 'boolean',
        projectStatus: ['normal', 'suspended', 'paused', 'failed', 'terminated'],
        applicantAbandons: 'boolean',
        paidByOnlineBanking: 'boolean',
      },
      'payment-source': {
        projectType: ['construction', 'procurement'],
        payerIsBasicAccount: 'boolean',
        payerKind: ['enterprise', 'personal'],
        remarkMatches: 'boolean',
        amountMatches: 'boolean',
        alreadyPaid: 'boolean',
      },
      'invoice-type': { bidOpened: 'boolean', medium: ['electronic', 'paper'], invoiceType: ['ordinary', 'special'] },
    }[key];
    expect(facts).toEqual(expected);
  });

  it.each(RULE_SET_KEYS)('%s labels every fact, value, outcome and parameter value in Chinese', (key) => {
    const catalog = getRuleSetCatalog(key);
    const chinese = /[\u4e00-\u9fff]/;
    for (const fact of catalog.facts) {
      expect(fact.label).toMatch(chinese);
      if (fact.type === 'enum') for (const v of fact.values) expect(v.label).toMatch(chinese);
    }
    for (const outcome of catalog.outcomes) {
      expect(outcome.label).toMatch(chinese);
      for (const param of outcome.params) for (const v of param.values) expect(v.label).toMatch(chinese);
    }
  });

  it('pins the documented precedence of rejection reasons', () => {
    expect(PAYMENT_REJECTION_PRECEDENCE).toEqual(['duplicate', 'remark_mismatch', 'amount_mismatch', 'not_basic_account']);
    expect(INVOICE_REFUSAL_PRECEDENCE).toEqual(['before_bid_opening', 'electronic_special_not_supported']);
  });

  it('words fact values with their labels', () => {
    const surrender = getRuleSetCatalog('surrender-eligibility');
    expect(labelFactValue(surrender.facts[0]!, false)).toBe('否');
    expect(labelFactValue(surrender.facts[1]!, 'paused')).toBe('暂停');
    expect(labelFactValue(surrender.facts[1]!, 'unknown')).toBe('"unknown"');
  });
});
