import { describe, expect, it } from 'vitest';
import type { RuleSetCatalog } from '../catalog/catalog-types';
import { getRuleSetCatalog, RULE_SET_KEYS, type RuleSetKey } from '../catalog/rule-set-catalogs';
import { DEFAULT_RULE_DOCUMENTS } from '../defaults/default-rule-documents';
import { RuleEngineCache } from '../engine-cache';
import { evaluatePreparedRuleSet, evaluateRuleSet } from '../evaluate';
import { prepareRuleSet } from '../prepared-rule-set';
import type { ValidRuleDocument } from '../rule-document-types';
import { validateRuleDocument } from '../validate-rule-document';
import {
  checkRuleCoverage,
  enumerateFactSpace,
  evaluateConditions,
  summarizeCoverage,
  type CoverageFinding,
  type FactCombination,
} from './check-rule-coverage';

function validated(ruleSetKey: RuleSetKey, value: unknown): ValidRuleDocument {
  const validation = validateRuleDocument({ ruleSetKey, value });
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  return validation.rules;
}

const check = (ruleSetKey: RuleSetKey, value: unknown) => checkRuleCoverage(getRuleSetCatalog(ruleSetKey), validated(ruleSetKey, value));

const covers = (finding: CoverageFinding, facts: FactCombination) => finding.combination.every(({ fact, value }) => facts[fact] === value);

const invoiceDefault = DEFAULT_RULE_DOCUMENTS['invoice-type'] as { name: string; conditions: unknown; event: unknown }[];

describe('checkRuleCoverage on the shipped defaults', () => {
  it.each(['invoice-type', 'payment-source'] as const)('%s has no gaps and no overlaps', (key) => {
    const report = check(key, DEFAULT_RULE_DOCUMENTS[key]);
    expect(report).toMatchObject({ gaps: [], overlaps: [], truncated: false });
    expect(report.combinations).toBe({ 'invoice-type': 8, 'payment-source': 64 }[key]);
    expect(summarizeCoverage(report)).toBe('未发现遗漏或冲突');
  });

  it('surrender-eligibility: its gaps are exactly the 第四条 cases, merged, and nothing conflicts', async () => {
    const report = check('surrender-eligibility', DEFAULT_RULE_DOCUMENTS['surrender-eligibility']);
    expect(report.combinations).toBe(40);
    expect(report.overlaps).toEqual([]);
    expect(report.gaps.map((g) => g.description)).toEqual([
      '已开标：是；项目状态：正常',
      '已开标：是；项目状态：中止',
      '已开标：是；项目状态：暂停',
      '已开标：是；项目状态：终止',
      '已开标：否；项目状态：正常；投标人放弃投标：否',
    ]);
    expect(report.gaps[4]!.combination).toEqual([
      { fact: 'bidOpened', value: false },
      { fact: 'projectStatus', value: 'normal' },
      { fact: 'applicantAbandons', value: false },
    ]);
    expect(report.fallback).toBe('未命中任何可退保规则时按第四条（不符合任何可退保情形）处理，不予退保');
    expect(summarizeCoverage(report)).toBe('发现 5 处遗漏、0 处冲突');

    const cache = new RuleEngineCache();
    const { combinations } = enumerateFactSpace(getRuleSetCatalog('surrender-eligibility'));
    for (const facts of combinations) {
      const decision = await evaluateRuleSet({
        ruleSetKey: 'surrender-eligibility',
        versionId: 'default',
        document: DEFAULT_RULE_DOCUMENTS['surrender-eligibility'],
        facts: facts as never,
        cache,
      });
      // Each case lies in at most one merged gap, and in one exactly when the engine says 第四条.
      const hits = report.gaps.filter((g) => covers(g, facts)).length;
      expect({ facts, hits }).toEqual({ facts, hits: decision.outcome.eligible ? 0 : 1 });
    }
  });
});

describe('checkRuleCoverage on edited documents', () => {
  it('reports a gap left by narrowing the before-opening refusal to electronic invoices', () => {
    const [beforeOpening, ...rest] = invoiceDefault;
    const narrowed = {
      ...beforeOpening,
      conditions: { all: [{ fact: 'bidOpened', operator: 'equal', value: false }, { fact: 'medium', operator: 'equal', value: 'electronic' }] },
    };
    const report = check('invoice-type', [narrowed, ...rest]);
    expect(report.overlaps).toEqual([]);
    expect(report.gaps).toEqual([
      {
        kind: 'gap',
        combination: [
          { fact: 'bidOpened', value: false },
          { fact: 'medium', value: 'paper' },
        ],
        description: '已开标：否；发票介质：纸质发票',
      },
    ]);
    expect(report.fallback).toBe('未命中任何规则时按「不予开具」处理');
  });

  it('reports an overlap when an allowance for electronic special invoices sits beside the refusal', () => {
    const allowSpecial = {
      name: '开标后可开具电子专用发票',
      conditions: {
        all: [
          { fact: 'bidOpened', operator: 'equal', value: true },
          { fact: 'medium', operator: 'equal', value: 'electronic' },
          { fact: 'invoiceType', operator: 'equal', value: 'special' },
        ],
      },
      event: { type: 'allowed' },
    };
    const report = check('invoice-type', [...invoiceDefault, allowSpecial]);
    expect(report.gaps).toEqual([]);
    expect(report.overlaps).toEqual([
      {
        kind: 'overlap',
        combination: [
          { fact: 'bidOpened', value: true },
          { fact: 'medium', value: 'electronic' },
          { fact: 'invoiceType', value: 'special' },
        ],
        description: '已开标：是；发票介质：电子发票；发票类型：增值税专用发票',
        outcomes: [
          { type: 'allowed', label: '可开具', rules: ['开标后可开具电子专用发票'] },
          { type: 'refused', label: '不予开具', rules: ['电子发票仅支持增值税普通发票'] },
        ],
      },
    ]);
    expect(summarizeCoverage(report)).toBe('发现 0 处遗漏、1 处冲突');
  });

  it('keeps overlaps apart where different rules conflict', () => {
    // Without the opening condition the allowance also meets the before-opening refusal.
    const allowSpecial = {
      name: '电子专用发票可开具',
      conditions: { all: [{ fact: 'medium', operator: 'equal', value: 'electronic' }, { fact: 'invoiceType', operator: 'equal', value: 'special' }] },
      event: { type: 'allowed' },
    };
    const report = check('invoice-type', [...invoiceDefault, allowSpecial]);
    expect(report.overlaps.map((o) => [o.description, o.outcomes!.flatMap((x) => x.rules)])).toEqual([
      ['已开标：是；发票介质：电子发票；发票类型：增值税专用发票', ['电子专用发票可开具', '电子发票仅支持增值税普通发票']],
      ['已开标：否；发票介质：电子发票；发票类型：增值税专用发票', ['电子专用发票可开具', '开标前不予开具发票', '电子发票仅支持增值税普通发票']],
    ]);
  });

  it('does not count the same outcome with different params, or a modifier beside a decision, as a conflict', () => {
    // Two refusals fire together for electronic special invoices before opening: precedence settles it.
    expect(check('invoice-type', invoiceDefault).overlaps).toEqual([]);
    const surrender = check('surrender-eligibility', DEFAULT_RULE_DOCUMENTS['surrender-eligibility']);
    expect(surrender.overlaps).toEqual([]);
  });

  it('bounds a space that is too large and says so', () => {
    const catalog: RuleSetCatalog = {
      key: 'wide',
      label: '宽',
      facts: Array.from({ length: 13 }, (_, i) => ({ name: `f${i}`, type: 'boolean' as const, label: `事实${i}` })),
      outcomes: [{ type: 'ok', label: '通过', params: [] }],
      fallbackWhenNothingFires: '未命中任何规则时按「不通过」处理',
    };
    const rules = [{ conditions: { all: [{ fact: 'f1', operator: 'equal' as const, value: true }] }, event: { type: 'ok' } }];
    const report = checkRuleCoverage(catalog, rules);
    expect(report).toMatchObject({ combinations: 4096, truncated: true });
    // The first 4096 cases all have f0 = 是; of them, f1 = 否 is never covered.
    expect(report.gaps.map((g) => g.description)).toEqual(['事实0：是；事实1：否']);
    expect(summarizeCoverage(report)).toBe('发现 1 处遗漏、0 处冲突（事实组合过多，仅检查了前 4096 种）');
  });
});

describe('evaluateConditions agrees with json-rules-engine', () => {
  // Uses not, notIn, notEqual and nested groups, which the shipped documents do not.
  const operatorsDocument = [
    {
      name: '非纸质或非专用',
      conditions: { any: [{ not: { fact: 'medium', operator: 'equal', value: 'paper' } }, { fact: 'invoiceType', operator: 'notIn', value: ['special'] }] },
      event: { type: 'allowed' },
    },
    {
      name: '未开标且类型属于普通',
      conditions: { all: [{ fact: 'bidOpened', operator: 'notEqual', value: true }, { fact: 'invoiceType', operator: 'in', value: ['ordinary'] }] },
      event: { type: 'refused', params: { reason: 'before_bid_opening' } },
    },
    {
      name: '并非（已开标且纸质）',
      conditions: { not: { all: [{ fact: 'bidOpened', operator: 'equal', value: true }, { fact: 'medium', operator: 'in', value: ['paper', 'electronic'] }] } },
      event: { type: 'refused', params: { reason: 'electronic_special_not_supported' } },
    },
  ];
  const cases = [
    ...RULE_SET_KEYS.map((key) => [key, key, DEFAULT_RULE_DOCUMENTS[key]] as const),
    ['invoice-type with every operator', 'invoice-type', operatorsDocument] as const,
  ];

  it.each(cases)('%s: the same rules fire for every combination', async (_, key, document) => {
    const rules = validated(key, document);
    const prepared = prepareRuleSet(key, rules);
    const { combinations } = enumerateFactSpace(getRuleSetCatalog(key));
    for (const facts of combinations) {
      const decision = await evaluatePreparedRuleSet(prepared, facts);
      const ours = rules.flatMap((rule, i) => (evaluateConditions(rule.conditions, facts) ? [decision.ruleResults[i]!.name] : []));
      expect({ facts, fired: ours }).toEqual({ facts, fired: decision.firedRuleNames });
    }
  });
});
