import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATORS_BY_FACT_TYPE } from '../catalog/catalog-types';
import { getRuleSetCatalog, RULE_SET_KEYS, type RuleSetKey } from '../catalog/rule-set-catalogs';
import { DEFAULT_RULE_DOCUMENTS } from '../defaults/default-rule-documents';
import { validateRuleDocument } from '../validate-rule-document';
import { isBuilderCondition, isBuilderGroup, type BuilderDocument, type BuilderGroup, type BuilderNode } from './builder-model';
import { guardBuilderChange } from './guard-builder-change';
import { normalizeConditionValues } from './normalize-condition-values';
import { toBuilderModel } from './to-builder-model';

/** Every group of a rule's condition tree, depth first, so an operation can pick one by number. */
function groupsOf(group: BuilderGroup): BuilderGroup[] {
  return [group, ...group.rules.filter(isBuilderGroup).flatMap(groupsOf)];
}

/** What the condition tree and the decision table let an operator do, done at random places with random values. */
type Operation = { kind: number; rule: number; group: number; child: number; choice: number };

function apply(key: RuleSetKey, model: BuilderDocument, op: Operation): BuilderDocument {
  const catalog = getRuleSetCatalog(key);
  const next = JSON.parse(JSON.stringify(model)) as BuilderDocument;
  if (next.rules.length === 0) return next;
  const rule = next.rules[op.rule % next.rules.length]!;
  const groups = groupsOf(rule.conditions as BuilderGroup);
  const group = groups[op.group % groups.length]!;
  const child = group.rules[op.child % Math.max(group.rules.length, 1)] as BuilderNode | undefined;
  const fact = catalog.facts[op.choice % catalog.facts.length]!;
  const someValue = fact.type === 'boolean' ? 'true' : fact.values[op.choice % fact.values.length]!.value;
  switch (op.kind % 11) {
    case 0: // remove a condition or a group (possibly the last one of its group)
      if (child) group.rules = group.rules.filter((n) => n !== child);
      break;
    case 1: // add a condition: the builder starts it on a catalog fact with its default value
      group.rules.push({ field: fact.name, operator: 'equal', value: someValue });
      break;
    case 2: // add a group, which comes with one condition
      group.rules.push({ combinator: 'and', rules: [{ field: fact.name, operator: 'equal', value: someValue }] });
      break;
    case 3: // another operator of the fact's type, the value left as it was
      if (child && isBuilderCondition(child)) {
        const own = catalog.facts.find((f) => f.name === child.field)!;
        const operators = OPERATORS_BY_FACT_TYPE[own.type];
        child.operator = operators[op.choice % operators.length]!;
      }
      break;
    case 4: // another value, including an emptied 属于 list
      if (child && isBuilderCondition(child)) child.value = [[], '', someValue, [someValue]][op.choice % 4];
      break;
    case 5: // 全部满足 ↔ 任一满足, and 不满足
      group.combinator = group.combinator === 'and' ? 'or' : 'and';
      if (op.choice % 2) group.not = !group.not;
      break;
    case 6: // remove a whole rule
      next.rules.splice(op.rule % next.rules.length, 1);
      break;
    case 7: // duplicate a rule under a new name
      next.rules.push({ ...JSON.parse(JSON.stringify(rule)), name: `副本 ${next.rules.length}-${op.choice}` });
      break;
    case 8: // another outcome, with the first value of each required parameter
      {
        const outcome = catalog.outcomes[op.choice % catalog.outcomes.length]!;
        const params = Object.fromEntries(outcome.params.map((p) => [p.name, p.values[0]!.value]));
        rule.event = Object.keys(params).length ? { type: outcome.type, params } : { type: outcome.type };
      }
      break;
    case 9: // a priority typed in, including 0
      rule.priority = [0, 1, 5, 30][op.choice % 4];
      break;
    default: // another fact for a condition: the builder resets operator and value
      if (child && isBuilderCondition(child)) Object.assign(child, { field: fact.name, operator: 'equal', value: someValue });
  }
  next.rules = next.rules.map((r) => ({ ...r, conditions: normalizeConditionValues(r.conditions as BuilderGroup, catalog) }));
  return next;
}

const operation = fc.record({ kind: fc.nat(), rule: fc.nat(), group: fc.nat(), child: fc.nat(), choice: fc.nat() });

describe('the visual editors never produce a document the validator refuses', () => {
  it.each(RULE_SET_KEYS)('keeps %s valid through 300 random sequences of edits', (key) => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 25 }), (operations) => {
        const start = toBuilderModel(DEFAULT_RULE_DOCUMENTS[key]);
        if (!start.ok) throw new Error(start.reason);
        let model = start.model;
        let document: unknown = DEFAULT_RULE_DOCUMENTS[key];
        for (const op of operations) {
          const next = apply(key, model, op);
          const guarded = guardBuilderChange(key, document, next);
          if (guarded.ok) {
            model = next;
            document = guarded.document;
          } else {
            expect(guarded.message).toMatch(/^未应用此修改：/);
          }
          expect(validateRuleDocument({ ruleSetKey: key, value: document }).ok).toBe(true);
        }
      }),
      { numRuns: 300, seed: 1201 },
    );
  });

  it('refuses removing the last condition of a group, and says why', () => {
    const start = toBuilderModel(DEFAULT_RULE_DOCUMENTS['invoice-type']);
    if (!start.ok) throw new Error(start.reason);
    const next = JSON.parse(JSON.stringify(start.model)) as BuilderDocument;
    (next.rules[0]!.conditions as BuilderGroup).rules = [];
    const guarded = guardBuilderChange('invoice-type', DEFAULT_RULE_DOCUMENTS['invoice-type'], next);
    expect(guarded).toEqual({ ok: false, message: '未应用此修改：all 至少需要一个条件' });
  });

  it('lets a document that was already invalid be changed, so it can be mended', () => {
    const invalid = [{ name: 'x', conditions: { all: [] }, event: { type: 'allowed' } }];
    const start = toBuilderModel(invalid);
    if (!start.ok) throw new Error(start.reason);
    expect(guardBuilderChange('invoice-type', invalid, start.model).ok).toBe(true);
  });
});
