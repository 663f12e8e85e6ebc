import { describe, expect, it } from 'vitest';
import { RULE_SET_KEYS } from '../catalog/rule-set-catalogs';
import { validateRuleDocument } from '../validate-rule-document';
import { DEFAULT_RULE_DOCUMENTS, loadDefaultRuleDocument } from './default-rule-documents';

describe('shipped default rule documents', () => {
  it('has one for every rule set', () => {
    expect(Object.keys(DEFAULT_RULE_DOCUMENTS).sort()).toEqual([...RULE_SET_KEYS].sort());
  });

  it.each(RULE_SET_KEYS)('%s validates cleanly and loses nothing in validation', (ruleSetKey) => {
    const result = validateRuleDocument({ ruleSetKey, value: DEFAULT_RULE_DOCUMENTS[ruleSetKey] });
    expect(result).toMatchObject({ ok: true });
    expect(loadDefaultRuleDocument(ruleSetKey)).toEqual(DEFAULT_RULE_DOCUMENTS[ruleSetKey]);
  });

  it.each(RULE_SET_KEYS)('%s names every rule, in Chinese', (ruleSetKey) => {
    for (const rule of loadDefaultRuleDocument(ruleSetKey)) expect(rule.name).toMatch(/[\u4e00-\u9fff]/);
  });
});
