import { describe, expect, it } from 'vitest';
import { loadDefaultRuleDocument } from './defaults/default-rule-documents';
import { prepareRuleSet } from './prepared-rule-set';
import { RuleFactsInvalidError } from './rule-errors';
import { validateRuleDocument } from './validate-rule-document';

const facts = { projectType: 'construction', payerIsBasicAccount: false, payerKind: 'personal', remarkMatches: false, amountMatches: false, alreadyPaid: true };

describe('prepareRuleSet', () => {
  it('reports every rule in document order, whatever the priorities', async () => {
    const prepared = prepareRuleSet('payment-source', loadDefaultRuleDocument('payment-source'));
    const { ruleResults: results } = await prepared.run(facts);
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.fired)).toEqual([true, true, true, true, false]);
  });

  it('gives complete results to runs that overlap on one engine', async () => {
    // One engine shared by overlapping runs used to lose rules: json-rules-engine marks the engine
    // FINISHED when any run ends, and a run still between priority levels then skips the rest.
    const prepared = prepareRuleSet('payment-source', loadDefaultRuleDocument('payment-source'));
    for (let offset = 0; offset < 60; offset += 3) {
      const first = prepared.run(facts);
      const second = (async () => {
        for (let i = 0; i < offset; i++) await null;
        return prepared.run(facts);
      })();
      const [a, b] = await Promise.all([first, second]);
      expect(a.ruleResults.filter((r) => r.fired)).toHaveLength(4);
      expect(b.ruleResults.filter((r) => r.fired)).toHaveLength(4);
    }
  });

  it('refuses facts that do not match the catalog before running, and keeps serving afterwards', async () => {
    const prepared = prepareRuleSet('payment-source', loadDefaultRuleDocument('payment-source'));
    const [refused, served] = await Promise.allSettled([prepared.run({}), prepared.run(facts)]);
    expect(refused.status === 'rejected' && refused.reason).toBeInstanceOf(RuleFactsInvalidError);
    expect(served.status === 'fulfilled' && served.value.ruleResults.filter((r) => r.fired)).toHaveLength(4);
  });

  it('leaves the validated document untouched', async () => {
    const validation = validateRuleDocument({
      ruleSetKey: 'invoice-type',
      value: [{ conditions: { all: [{ fact: 'bidOpened', operator: 'equal', value: true, priority: 2 }] }, event: { type: 'allowed' } }],
    });
    if (!validation.ok) throw new Error('fixture should validate');
    const before = JSON.stringify(validation.rules);
    await prepareRuleSet('invoice-type', validation.rules).run({ bidOpened: true, medium: 'paper', invoiceType: 'special' });
    expect(JSON.stringify(validation.rules)).toBe(before);
  });
});
