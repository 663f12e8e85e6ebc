import Ajv, { type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { RULE_SET_CATALOGS, RULE_SET_KEYS, type RuleSetKey } from './catalog/rule-set-catalogs';
import { DEFAULT_RULE_DOCUMENTS } from './defaults/default-rule-documents';
import { ruleDocumentJsonSchema } from './rule-document-json-schema';
import { validateRuleDocument } from './validate-rule-document';

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = Object.fromEntries(
  RULE_SET_KEYS.map((key) => [key, ajv.compile(ruleDocumentJsonSchema(RULE_SET_CATALOGS[key]))]),
) as Record<RuleSetKey, ReturnType<typeof ajv.compile>>;

/** The schema's verdict, as the (instancePath, keyword) pairs an editor would underline. */
function schemaErrors(key: RuleSetKey, document: unknown): Pick<ErrorObject, 'instancePath' | 'keyword' | 'params'>[] {
  const validate = validators[key];
  if (validate(document)) return [];
  return (validate.errors ?? []).map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params }));
}

/** A valid surrender rule; each case below breaks one thing in a copy of it. */
const surrenderRule = () => ({
  name: '开标前项目中止',
  priority: 10,
  conditions: {
    all: [
      { fact: 'bidOpened', operator: 'equal', value: false } as Record<string, unknown>,
      { fact: 'projectStatus', operator: 'in', value: ['suspended', 'paused'] } as Record<string, unknown>,
    ],
  } as Record<string, unknown>,
  event: { type: 'eligible', params: { clause: 1 } } as Record<string, unknown>,
});

type SurrenderRule = ReturnType<typeof surrenderRule>;
const leaf = (rule: SurrenderRule, i: number) => (rule.conditions.all as Record<string, unknown>[])[i]!;

function surrenderDocument(mutate: (rule: SurrenderRule) => void = () => {}): unknown[] {
  const rule = surrenderRule();
  mutate(rule);
  return [rule];
}

describe('ruleDocumentJsonSchema', () => {
  it.each(RULE_SET_KEYS)('describes %s without an $id, so it can be compiled again and again', (key) => {
    const schema = ruleDocumentJsonSchema(RULE_SET_CATALOGS[key]) as Record<string, unknown>;
    expect(schema.$id).toBeUndefined();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(() => new Ajv({ allErrors: true, strict: false }).compile(schema)).not.toThrow();
  });

  it.each(RULE_SET_KEYS)('accepts the shipped default document of %s', (key) => {
    expect(schemaErrors(key, DEFAULT_RULE_DOCUMENTS[key])).toEqual([]);
  });

  it('accepts the base rule, so the refusals below are caused by their one change', () => {
    expect(schemaErrors('surrender-eligibility', surrenderDocument())).toEqual([]);
    expect(validateRuleDocument({ ruleSetKey: 'surrender-eligibility', value: surrenderDocument() }).ok).toBe(true);
  });

  it('refuses an unknown fact, on the fact', () => {
    const errors = schemaErrors('surrender-eligibility', surrenderDocument((r) => (leaf(r, 0).fact = 'bidOpend')));
    expect(errors).toContainEqual({
      instancePath: '/0/conditions/all/0/fact',
      keyword: 'enum',
      params: { allowedValues: ['bidOpened', 'projectStatus', 'applicantAbandons', 'paidByOnlineBanking'] },
    });
  });

  it('refuses an operator a boolean fact cannot take, on the operator', () => {
    const errors = schemaErrors('surrender-eligibility', surrenderDocument((r) => Object.assign(leaf(r, 0), { operator: 'in', value: [false] })));
    expect(errors).toContainEqual({ instancePath: '/0/conditions/all/0/operator', keyword: 'enum', params: { allowedValues: ['equal', 'notEqual'] } });
    // …and the list value, which a boolean fact never takes either.
    expect(errors).toContainEqual({ instancePath: '/0/conditions/all/0/value', keyword: 'type', params: { type: 'boolean' } });
  });

  it('refuses a value outside an enum fact, for equal and inside an in list', () => {
    const statuses = ['normal', 'suspended', 'paused', 'failed', 'terminated'];
    const single = schemaErrors('surrender-eligibility', surrenderDocument((r) => Object.assign(leaf(r, 1), { operator: 'equal', value: 'closed' })));
    expect(single).toContainEqual({ instancePath: '/0/conditions/all/1/value', keyword: 'enum', params: { allowedValues: statuses } });
    const inList = schemaErrors('surrender-eligibility', surrenderDocument((r) => (leaf(r, 1).value = ['suspended', 'closed'])));
    expect(inList).toContainEqual({ instancePath: '/0/conditions/all/1/value/1', keyword: 'enum', params: { allowedValues: statuses } });
  });

  it('refuses an unknown event type, on the type', () => {
    const errors = schemaErrors('surrender-eligibility', surrenderDocument((r) => (r.event = { type: 'eligable', params: { clause: 1 } })));
    expect(errors).toContainEqual({
      instancePath: '/0/event/type',
      keyword: 'enum',
      params: { allowedValues: ['eligible', 'refund-account-required'] },
    });
  });

  it('refuses an outcome without its required parameter, whether params is missing or empty', () => {
    const noParams = schemaErrors('surrender-eligibility', surrenderDocument((r) => delete r.event.params));
    expect(noParams).toContainEqual({ instancePath: '/0/event', keyword: 'required', params: { missingProperty: 'params' } });
    const emptyParams = schemaErrors('surrender-eligibility', surrenderDocument((r) => (r.event.params = {})));
    expect(emptyParams).toContainEqual({ instancePath: '/0/event/params', keyword: 'required', params: { missingProperty: 'clause' } });
    // An outcome without parameters may leave params out.
    expect(schemaErrors('surrender-eligibility', surrenderDocument((r) => (r.event = { type: 'refund-account-required' })))).toEqual([]);
  });

  it('refuses unknown keys where the validator does, on the key', () => {
    expect(schemaErrors('surrender-eligibility', surrenderDocument((r) => (leaf(r, 0).path = '$.x')))).toContainEqual({
      instancePath: '/0/conditions/all/0',
      keyword: 'additionalProperties',
      params: { additionalProperty: 'path' },
    });
    expect(schemaErrors('invoice-type', [{ condition: { all: [] }, event: { type: 'allowed' } }])).toContainEqual({
      instancePath: '/0',
      keyword: 'additionalProperties',
      params: { additionalProperty: 'condition' },
    });
  });

  /**
   * The schema is only an editing aid, but it must not contradict the validator: every document here is
   * judged the same way by both. Refusals the schema cannot express (duplicate rule names, nesting depth)
   * are deliberately absent.
   */
  const agreement: [string, RuleSetKey, unknown, boolean][] = [
    ['the base rule', 'surrender-eligibility', surrenderDocument(), true],
    ['a nested any inside not', 'invoice-type', [{ conditions: { not: { any: [{ fact: 'medium', operator: 'notIn', value: ['paper'] }] } }, event: { type: 'allowed' } }], true],
    ['paramless outcome with empty params', 'payment-source', [{ conditions: { all: [{ fact: 'alreadyPaid', operator: 'equal', value: true }] }, event: { type: 'review', params: {} } }], true],
    ['an empty document', 'invoice-type', [], false],
    ['a document that is not an array', 'invoice-type', { conditions: {} }, false],
    ['a bare fact condition at the root', 'surrender-eligibility', surrenderDocument((r) => (r.conditions = leaf(r, 0))), false],
    ['a group with two kinds', 'surrender-eligibility', surrenderDocument((r) => (r.conditions.any = [leaf(r, 0)])), false],
    ['a group with a fact of its own', 'surrender-eligibility', surrenderDocument((r) => Object.assign(r.conditions, { fact: 'bidOpened', operator: 'equal', value: true })), false],
    ['a group with an operator but no fact', 'surrender-eligibility', surrenderDocument((r) => (r.conditions.operator = 'equal')), false],
    ['an empty all', 'surrender-eligibility', surrenderDocument((r) => (r.conditions.all = [])), false],
    ['a condition without a kind', 'surrender-eligibility', surrenderDocument((r) => (r.conditions.all = [{ name: '空条件' }])), false],
    ['a fact condition without a value', 'surrender-eligibility', surrenderDocument((r) => delete leaf(r, 0).value), false],
    ['"true" as a string', 'surrender-eligibility', surrenderDocument((r) => (leaf(r, 0).value = 'true')), false],
    ['a list for equal', 'surrender-eligibility', surrenderDocument((r) => (leaf(r, 1).operator = 'equal')), false],
    ['a single value for in', 'surrender-eligibility', surrenderDocument((r) => (leaf(r, 1).value = 'paused')), false],
    ['an empty in list', 'surrender-eligibility', surrenderDocument((r) => (leaf(r, 1).value = [])), false],
    ['a duplicate in an in list', 'surrender-eligibility', surrenderDocument((r) => (leaf(r, 1).value = ['paused', 'paused'])), false],
    ['the clause as the string "1"', 'surrender-eligibility', surrenderDocument((r) => (r.event.params = { clause: '1' })), false],
    ['clause 4, which no rule may emit', 'surrender-eligibility', surrenderDocument((r) => (r.event.params = { clause: 4 })), false],
    ['a parameter the outcome does not have', 'surrender-eligibility', surrenderDocument((r) => (r.event.params = { clause: 1, reason: 'x' })), false],
    ['params on a paramless outcome', 'invoice-type', [{ conditions: { all: [{ fact: 'bidOpened', operator: 'equal', value: true }] }, event: { type: 'allowed', params: { reason: 'before_bid_opening' } } }], false],
    ['a blank rule name', 'surrender-eligibility', surrenderDocument((r) => (r.name = '   ')), false],
    ['a zero priority', 'surrender-eligibility', surrenderDocument((r) => (r.priority = 0)), false],
    ['a fractional condition priority', 'surrender-eligibility', surrenderDocument((r) => (leaf(r, 0).priority = 1.5)), false],
    ['a fact of another rule set', 'invoice-type', [{ conditions: { all: [{ fact: 'projectStatus', operator: 'equal', value: 'failed' }] }, event: { type: 'allowed' } }], false],
  ];

  it.each(agreement)('agrees with validateRuleDocument on %s', (_, ruleSetKey, document, valid) => {
    expect(validateRuleDocument({ ruleSetKey, value: document }).ok).toBe(valid);
    expect(schemaErrors(ruleSetKey, document).length === 0).toBe(valid);
  });
});
