import { describe, expect, it } from 'vitest';
import type { RuleSetKey } from './catalog/rule-set-catalogs';
import type { RuleDocumentErrorCode } from './rule-document-errors';
import { validateRuleDocument } from './validate-rule-document';

/** A valid rule to start from; each case breaks exactly one thing in a copy of it. */
const baseRule = () => ({
  name: '开标前项目中止',
  priority: 10,
  conditions: {
    all: [
      { fact: 'bidOpened', operator: 'equal', value: false },
      { fact: 'projectStatus', operator: 'in', value: ['suspended', 'paused'] },
    ],
  } as Record<string, unknown>,
  event: { type: 'eligible', params: { clause: 1 } } as Record<string, unknown>,
});

type Mutation = (rule: ReturnType<typeof baseRule> & Record<string, unknown>) => void;

function withRule(mutate: Mutation): unknown[] {
  const rule = baseRule();
  mutate(rule);
  return [rule];
}

const leaf = (rule: ReturnType<typeof baseRule>, i: number) => (rule.conditions.all as Record<string, unknown>[])[i]!;

function problems(result: ReturnType<typeof validateRuleDocument>) {
  return result.ok ? [] : result.errors.map(({ code, path }) => ({ code, path }));
}

describe('validateRuleDocument', () => {
  it('accepts the base rule as text and as a parsed value alike, returning a clean copy', () => {
    const value = withRule(() => {});
    const fromValue = validateRuleDocument({ ruleSetKey: 'surrender-eligibility', value });
    const fromText = validateRuleDocument({ ruleSetKey: 'surrender-eligibility', text: JSON.stringify(value) });
    expect(fromValue.ok && fromText.ok).toBe(true);
    if (fromValue.ok) {
      expect(fromValue.rules).toEqual(value);
      expect(Object.isFrozen(fromValue.rules)).toBe(true);
    }
    if (fromText.ok) expect(fromText.rules).toEqual(value);
  });

  // [description, rule set, document, expected code, expected path, words the message must contain]
  const corpus: [string, RuleSetKey, unknown[], RuleDocumentErrorCode, string, string[]][] = [
    ['unknown fact', 'surrender-eligibility', withRule((r) => void (leaf(r, 0).fact = 'bidOpen')), 'CONDITION_UNKNOWN_FACT', '$[0].conditions.all[0].fact', ['bidOpened（已开标）']],
    ['a fact of another rule set', 'invoice-type', withRule(() => {}), 'CONDITION_UNKNOWN_FACT', '$[0].conditions.all[1].fact', ['medium']],
    ['in on a boolean fact', 'surrender-eligibility', withRule((r) => void (leaf(r, 0).operator = 'in')), 'CONDITION_OPERATOR_NOT_ALLOWED', '$[0].conditions.all[0].operator', ['【已开标】', 'equal（等于）', 'notEqual（不等于）', '"in"']],
    ['lessThan on an enum fact', 'surrender-eligibility', withRule((r) => Object.assign(leaf(r, 1), { operator: 'lessThan', value: 'failed' })), 'CONDITION_OPERATOR_NOT_ALLOWED', '$[0].conditions.all[1].operator', ['in（属于）', 'notIn（不属于）']],
    ['an operator decorator', 'surrender-eligibility', withRule((r) => void (leaf(r, 0).operator = 'not:equal')), 'CONDITION_OPERATOR_NOT_ALLOWED', '$[0].conditions.all[0].operator', ['not:equal']],
    ['a string for a boolean', 'surrender-eligibility', withRule((r) => void (leaf(r, 0).value = 'false')), 'CONDITION_VALUE_WRONG_TYPE', '$[0].conditions.all[0].value', ['true 或 false', '字符串']],
    ['a number for an enum', 'surrender-eligibility', withRule((r) => Object.assign(leaf(r, 1), { operator: 'equal', value: 2 })), 'CONDITION_VALUE_WRONG_TYPE', '$[0].conditions.all[1].value', ['字符串', '数字']],
    ['a list with equal', 'surrender-eligibility', withRule((r) => void (leaf(r, 1).operator = 'equal')), 'CONDITION_VALUE_WRONG_TYPE', '$[0].conditions.all[1].value', ['in']],
    ['a single value with in', 'surrender-eligibility', withRule((r) => void (leaf(r, 1).value = 'paused')), 'CONDITION_VALUE_WRONG_TYPE', '$[0].conditions.all[1].value', ['数组']],
    ['a value outside the enum', 'surrender-eligibility', withRule((r) => Object.assign(leaf(r, 1), { operator: 'equal', value: 'cancelled' })), 'CONDITION_VALUE_NOT_ALLOWED', '$[0].conditions.all[1].value', ['"cancelled"', 'suspended（中止）']],
    ['a list item outside the enum', 'surrender-eligibility', withRule((r) => void (leaf(r, 1).value = ['suspended', 'stopped'])), 'CONDITION_VALUE_NOT_ALLOWED', '$[0].conditions.all[1].value[1]', ['"stopped"']],
    ['an empty list', 'surrender-eligibility', withRule((r) => void (leaf(r, 1).value = [])), 'CONDITION_VALUE_EMPTY_LIST', '$[0].conditions.all[1].value', ['至少需要一个值']],
    ['a repeated list item', 'surrender-eligibility', withRule((r) => void (leaf(r, 1).value = ['paused', 'paused'])), 'CONDITION_VALUE_DUPLICATE', '$[0].conditions.all[1].value[1]', ['重复']],
    ['a fact reference as value', 'surrender-eligibility', withRule((r) => void (leaf(r, 0).value = { fact: 'applicantAbandons' })), 'CONDITION_VALUE_FACT_REFERENCE', '$[0].conditions.all[0].value', ['其他事实']],
    ['a path', 'surrender-eligibility', withRule((r) => void (leaf(r, 0).path = '$.x')), 'CONDITION_PATH_NOT_ALLOWED', '$[0].conditions.all[0].path', ['path']],
    ['params on a condition', 'surrender-eligibility', withRule((r) => void (leaf(r, 0).params = { a: 1 })), 'CONDITION_PARAMS_NOT_ALLOWED', '$[0].conditions.all[0].params', ['params']],
    ['a typo in a condition key', 'surrender-eligibility', withRule((r) => Object.assign(leaf(r, 0), { opertor: 'equal' })), 'CONDITION_UNKNOWN_KEY', '$[0].conditions.all[0].opertor', ['"operator"']],
    ['a missing value', 'surrender-eligibility', withRule((r) => void delete leaf(r, 0).value), 'CONDITION_MISSING_KEY', '$[0].conditions.all[0]', ['value']],
    ['a shared condition reference', 'surrender-eligibility', withRule((r) => void (r.conditions.all as unknown[]).push({ condition: 'x' })), 'CONDITION_REFERENCE_NOT_ALLOWED', '$[0].conditions.all[2].condition', ['共享条件']],
    ['all and any together', 'surrender-eligibility', withRule((r) => void (r.conditions.any = [])), 'CONDITION_AMBIGUOUS', '$[0].conditions', ['all、any']],
    ['a bare condition at the root', 'surrender-eligibility', withRule((r) => void (r.conditions = { fact: 'bidOpened', operator: 'equal', value: true })), 'CONDITION_ROOT_NOT_A_GROUP', '$[0].conditions', ['最外层']],
    ['an empty any', 'surrender-eligibility', withRule((r) => void (r.conditions = { any: [] })), 'CONDITION_GROUP_EMPTY', '$[0].conditions.any', ['至少需要一个条件']],
    ['all as an object', 'surrender-eligibility', withRule((r) => void (r.conditions = { all: { fact: 'bidOpened' } })), 'CONDITION_GROUP_NOT_AN_ARRAY', '$[0].conditions.all', ['数组']],
    ['not as an array', 'surrender-eligibility', withRule((r) => void (r.conditions = { not: [] })), 'CONDITION_NOT_AN_OBJECT', '$[0].conditions.not', ['不能是数组']],
    ['an empty condition object', 'surrender-eligibility', withRule((r) => void (r.conditions.all as unknown[]).push({})), 'CONDITION_MISSING_KEY', '$[0].conditions.all[2]', ['fact']],
    ['an unknown event type', 'surrender-eligibility', withRule((r) => void (r.event = { type: 'refund' })), 'EVENT_UNKNOWN_TYPE', '$[0].event.type', ['eligible（可退保）']],
    ['a clause out of range', 'surrender-eligibility', withRule((r) => void (r.event = { type: 'eligible', params: { clause: 4 } })), 'EVENT_PARAMS_INVALID', '$[0].event.params.clause', ['1（第一条）']],
    ['a clause as a string', 'surrender-eligibility', withRule((r) => void (r.event = { type: 'eligible', params: { clause: '1' } })), 'EVENT_PARAMS_INVALID', '$[0].event.params.clause', ['"1"']],
    ['a missing clause', 'surrender-eligibility', withRule((r) => void (r.event = { type: 'eligible' })), 'EVENT_PARAMS_INVALID', '$[0].event.params', ['clause']],
    ['a parameter on an event without any', 'surrender-eligibility', withRule((r) => void (r.event = { type: 'refund-account-required', params: { clause: 1 } })), 'EVENT_PARAMS_INVALID', '$[0].event.params.clause', ['不带参数']],
    ['a reason outside the list', 'payment-source', [{ conditions: { all: [{ fact: 'alreadyPaid', operator: 'equal', value: true }] }, event: { type: 'reject', params: { reason: 'too_late' } } }], 'EVENT_PARAMS_INVALID', '$[0].event.params.reason', ['not_basic_account']],
    ['params as a list', 'payment-source', [{ conditions: { all: [{ fact: 'alreadyPaid', operator: 'equal', value: true }] }, event: { type: 'accept', params: [] } }], 'EVENT_PARAMS_INVALID', '$[0].event.params', ['对象']],
    ['a typo in an event key', 'surrender-eligibility', withRule((r) => void (r.event.param = {})), 'EVENT_UNKNOWN_KEY', '$[0].event.param', ['"params"']],
    ['an event that is a string', 'surrender-eligibility', withRule((r) => void (r.event = 'eligible' as never)), 'EVENT_NOT_AN_OBJECT', '$[0].event', ['对象']],
    ['the typo condition for conditions', 'surrender-eligibility', withRule((r) => { r.condition = r.conditions; delete (r as Record<string, unknown>).conditions; }), 'RULE_UNKNOWN_KEY', '$[0].condition', ['"conditions"']],
    ['a missing event', 'surrender-eligibility', withRule((r) => void delete (r as Record<string, unknown>).event), 'RULE_MISSING_EVENT', '$[0]', ['event']],
    ['an onSuccess key', 'surrender-eligibility', withRule((r) => void (r.onSuccess = 'x')), 'RULE_UNKNOWN_KEY', '$[0].onSuccess', ['onSuccess']],
    ['priority zero', 'surrender-eligibility', withRule((r) => void (r.priority = 0)), 'RULE_PRIORITY_INVALID', '$[0].priority', ['正整数']],
    ['a fractional priority', 'surrender-eligibility', withRule((r) => void (r.priority = 1.5)), 'RULE_PRIORITY_INVALID', '$[0].priority', ['正整数']],
    ['a priority as text', 'surrender-eligibility', withRule((r) => void (r.priority = '2' as never)), 'RULE_PRIORITY_INVALID', '$[0].priority', ['正整数']],
    ['a blank name', 'surrender-eligibility', withRule((r) => void (r.name = '  ')), 'RULE_NAME_INVALID', '$[0].name', ['名称']],
    ['a rule that is a number', 'surrender-eligibility', [1], 'RULE_NOT_AN_OBJECT', '$[0]', ['数字']],
    ['a repeated rule name', 'surrender-eligibility', [...withRule(() => {}), ...withRule(() => {})], 'RULE_NAME_DUPLICATE', '$[1].name', ['第 1 条']],
    ['no rules at all', 'surrender-eligibility', [], 'DOCUMENT_EMPTY', '$', ['至少需要一条']],
  ];

  it.each(corpus)('refuses %s', (_description, ruleSetKey, value, code, path, words) => {
    const result = validateRuleDocument({ ruleSetKey, value });
    expect(problems(result)).toContainEqual({ code, path });
    const error = result.ok ? undefined : result.errors.find((e) => e.code === code && e.path === path);
    for (const word of words) expect(error?.message).toContain(word);
  });

  it('reports both the typo and the missing key for `condition`', () => {
    const value = withRule((r) => {
      r.condition = r.conditions;
      delete (r as Record<string, unknown>).conditions;
    });
    expect(problems(validateRuleDocument({ ruleSetKey: 'surrender-eligibility', value }))).toEqual([
      { code: 'RULE_UNKNOWN_KEY', path: '$[0].condition' },
      { code: 'RULE_MISSING_CONDITIONS', path: '$[0]' },
    ]);
  });

  it('refuses malformed JSON with its line and column', () => {
    const result = validateRuleDocument({ ruleSetKey: 'invoice-type', text: '[\n  {"name": "a",}\n]' });
    expect(problems(result)).toEqual([{ code: 'DOCUMENT_MALFORMED_JSON', path: '$' }]);
    expect(result.ok ? '' : result.errors[0]!.message).toMatch(/第 2 行第 \d+ 列/);
  });

  it.each([['', '文档为空'], ['[{"a": 1}', '不完整']])('refuses the text %j', (text, words) => {
    const result = validateRuleDocument({ ruleSetKey: 'invoice-type', text });
    expect(problems(result)).toEqual([{ code: 'DOCUMENT_MALFORMED_JSON', path: '$' }]);
    expect(result.ok ? '' : result.errors[0]!.message).toContain(words);
  });

  it.each([['{}', '对象'], ['"rules"', '字符串'], ['null', 'null']])('refuses the top level %s', (text, words) => {
    const result = validateRuleDocument({ ruleSetKey: 'invoice-type', text });
    expect(problems(result)).toEqual([{ code: 'DOCUMENT_NOT_AN_ARRAY', path: '$' }]);
    expect(result.ok ? '' : result.errors[0]!.message).toContain(words);
  });

  it('refuses more than 200 rules', () => {
    const value = Array.from({ length: 201 }, (_, i) => ({ ...baseRule(), name: `规则 ${i}` }));
    expect(problems(validateRuleDocument({ ruleSetKey: 'surrender-eligibility', value }))).toEqual([{ code: 'DOCUMENT_TOO_MANY_RULES', path: '$' }]);
  });

  it('stops at 100 errors for a document full of mistakes', () => {
    const value = Array.from({ length: 200 }, () => ({ conditions: { all: [{ fact: 'x', operator: 'y', value: 1 }] }, event: { type: 'z' } }));
    const result = validateRuleDocument({ ruleSetKey: 'surrender-eligibility', value });
    expect(result.ok ? 0 : result.errors.length).toBe(100);
  });

  it('refuses groups nested deeper than 16 levels', () => {
    let conditions: unknown = { fact: 'bidOpened', operator: 'equal', value: true };
    for (let i = 0; i < 17; i++) conditions = { not: conditions };
    const result = validateRuleDocument({ ruleSetKey: 'surrender-eligibility', value: [{ conditions, event: { type: 'refund-account-required' } }] });
    expect(problems(result)).toEqual([{ code: 'CONDITION_TOO_DEEP', path: `$[0].conditions${'.not'.repeat(16)}` }]);
  });

  it('refuses 10,000 levels of nesting in text quickly and without a stack overflow', () => {
    const depth = 10_000;
    const text = `[{"conditions": ${'{"not": '.repeat(depth)}{"fact": "bidOpened", "operator": "equal", "value": true}${'}'.repeat(depth)}, "event": {"type": "refund-account-required"}}]`;
    const started = performance.now();
    const result = validateRuleDocument({ ruleSetKey: 'surrender-eligibility', text });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems(result)).toEqual([{ code: 'DOCUMENT_TOO_DEEP', path: expect.stringMatching(/^\$\[0\]\.conditions(\.not)+$/) }]);
  });

  it('refuses 10,000 levels of nesting in a parsed value, and a cyclic value', () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) deep = { not: deep };
    expect(problems(validateRuleDocument({ ruleSetKey: 'surrender-eligibility', value: [deep] }))[0]?.code).toBe('DOCUMENT_TOO_DEEP');
    const cyclic: Record<string, unknown> = { event: { type: 'refund-account-required' } };
    cyclic.conditions = { not: cyclic };
    expect(problems(validateRuleDocument({ ruleSetKey: 'surrender-eligibility', value: [cyclic] }))[0]?.code).toBe('DOCUMENT_TOO_DEEP');
  });

  it('refuses a 5 MB document before parsing it', () => {
    const text = `[${Array.from({ length: 40_000 }, () => JSON.stringify(baseRule())).join(',')}]`;
    expect(text.length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    const result = validateRuleDocument({ ruleSetKey: 'surrender-eligibility', text });
    expect(performance.now() - started).toBeLessThan(50);
    expect(problems(result)).toEqual([{ code: 'DOCUMENT_TOO_LARGE', path: '$' }]);
  });

  it('counts the limit in UTF-8 bytes: 100,000 Chinese characters are 300,000 bytes', () => {
    const value = withRule((r) => void (r.name = '退'.repeat(100_000)));
    const text = JSON.stringify(value);
    expect(text.length).toBeLessThan(256 * 1024);
    expect(problems(validateRuleDocument({ ruleSetKey: 'surrender-eligibility', text }))).toEqual([{ code: 'DOCUMENT_TOO_LARGE', path: '$' }]);
  });

  it('refuses a parsed value too large once written as JSON', () => {
    const value = Array.from({ length: 150 }, (_, i) => ({ ...baseRule(), name: `${i}${'x'.repeat(190)}`, conditions: { all: Array(20).fill(baseRule().conditions.all) } }));
    expect(problems(validateRuleDocument({ ruleSetKey: 'surrender-eligibility', value }))).toEqual([{ code: 'DOCUMENT_TOO_LARGE', path: '$' }]);
  });
});
