import { describe, expect, it } from 'vitest';
import { RULE_SET_KEYS } from './catalog/rule-set-catalogs';
import { DEFAULT_TEST_CASES } from './defaults/default-test-cases';
import { loadDefaultRuleDocument } from './defaults/default-rule-documents';
import { prepareRuleSet } from './prepared-rule-set';
import { runTestCases } from './run-test-cases';
import { validateRuleDocument } from './validate-rule-document';

describe('rule test cases', () => {
  it.each(RULE_SET_KEYS)('the shipped %s cases all pass on the shipped defaults', async (key) => {
    const results = await runTestCases(prepareRuleSet(key, loadDefaultRuleDocument(key)), DEFAULT_TEST_CASES[key]);
    expect(results.length).toBeGreaterThanOrEqual(5);
    expect(results.filter((r) => !r.passed)).toEqual([]);
  });

  it('fails the cases a changed rule breaks, with the actual outcome in Chinese', async () => {
    // Allow electronic special invoices: the "electronic special refused" case must now fail.
    const document = [
      loadDefaultRuleDocument('invoice-type')[0],
      { name: '开标后均可开具', conditions: { all: [{ fact: 'bidOpened', operator: 'equal', value: true }] }, event: { type: 'allowed' } },
    ];
    const validation = validateRuleDocument({ ruleSetKey: 'invoice-type', value: document });
    if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
    const results = await runTestCases(prepareRuleSet('invoice-type', validation.rules), DEFAULT_TEST_CASES['invoice-type']);
    const failed = results.filter((r) => !r.passed);
    expect(failed.map((r) => r.name)).toEqual(['开标后电子专用发票，拒绝']);
    expect(failed[0]!.actual).toEqual({ allowed: true });
    expect(failed[0]!.summary).toContain('可开具');
  });

  it('reports a case whose facts do not fit the catalog as failed, not as a crash', async () => {
    const results = await runTestCases(prepareRuleSet('invoice-type', loadDefaultRuleDocument('invoice-type')), [
      { name: '缺少事实', facts: { bidOpened: true }, expected: { allowed: true } },
    ]);
    expect(results[0]).toMatchObject({ passed: false, actual: null });
    expect(results[0]!.summary).toMatch(/^无法运行/);
  });
});
