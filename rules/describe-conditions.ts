import type { AllowedOperator, FactDefinition, RuleSetCatalog } from './catalog/catalog-types';
import { findFact, findLabelledValue, findOutcome, labelFactValue } from './catalog/rule-set-catalogs';
import {
  groupChildren,
  groupKind,
  isFactCondition,
  type ConditionNode,
  type DocumentRule,
  type FactCondition,
  type RuleEvent,
} from './rule-document-types';

/**
 * Chinese wording of rules for people: the admin's readable view of a rule, and the pieces the decision
 * explanation reuses. Everything shown comes from the catalog labels, never from the raw keys, so an
 * operator who does not read JSON can still check a rule against the seed.
 */

const OPERATOR_WORDS: Record<AllowedOperator, string> = {
  equal: '等于',
  notEqual: '不等于',
  in: '属于',
  notIn: '不属于',
};

export function describeOperator(operator: AllowedOperator): string {
  return OPERATOR_WORDS[operator];
}

/** "已开标 = 否", "项目状态 属于 [中止, 暂停]": compact, for the one-line readable view. */
export function describeFactConditionCompact(catalog: RuleSetCatalog, condition: FactCondition): string {
  const fact = findFact(catalog, condition.fact);
  const label = fact?.label ?? condition.fact;
  const values = labelValues(fact, condition.value);
  switch (condition.operator) {
    case 'equal':
      return `${label} = ${values.join('、')}`;
    case 'notEqual':
      return `${label} ≠ ${values.join('、')}`;
    case 'in':
      return `${label} 属于 [${values.join(', ')}]`;
    case 'notIn':
      return `${label} 不属于 [${values.join(', ')}]`;
  }
}

/** "【已开标】为 否", "【项目状态】属于 中止、暂停": a sentence, for the explanation of a decision. */
export function describeFactConditionSentence(catalog: RuleSetCatalog, condition: FactCondition): string {
  const fact = findFact(catalog, condition.fact);
  const label = `【${fact?.label ?? condition.fact}】`;
  const values = labelValues(fact, condition.value).join('、');
  switch (condition.operator) {
    case 'equal':
      return `${label}为 ${values}`;
    case 'notEqual':
      return `${label}不为 ${values}`;
    case 'in':
      return `${label}属于 ${values}`;
    case 'notIn':
      return `${label}不属于 ${values}`;
  }
}

function labelValues(fact: FactDefinition | undefined, value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => (fact ? labelFactValue(fact, item) : String(item)));
}

/** The conditions of a rule as one line: groups joined by 且 / 或, nested groups in parentheses. */
export function describeConditions(catalog: RuleSetCatalog, node: ConditionNode, nested = false): string {
  if (isFactCondition(node)) return describeFactConditionCompact(catalog, node);
  const kind = groupKind(node);
  const children = groupChildren(node);
  if (kind === 'not') return `并非（${describeConditions(catalog, children[0]!, false)}）`;
  const text = children.map((child) => describeConditions(catalog, child, true)).join(kind === 'all' ? ' 且 ' : ' 或 ');
  return nested && children.length > 1 ? `（${text}）` : text;
}

/** "可退保（第一条）", "拒绝（建设工程类项目须从企业基本户转账支付）", "接受". */
export function describeOutcome(catalog: RuleSetCatalog, event: RuleEvent): string {
  const outcome = findOutcome(catalog, event.type);
  if (!outcome) return event.type;
  const details = outcome.params.flatMap((definition) => {
    const value = event.params?.[definition.name];
    if (value === undefined) return [];
    return [findLabelledValue(definition.values, value)?.label ?? String(value)];
  });
  return details.length > 0 ? `${outcome.label}（${details.join('，')}）` : outcome.label;
}

/** The admin's readable view of one rule: "当 已开标 = 否 且 … 时 → 可退保（第一条）". */
export function describeRule(catalog: RuleSetCatalog, rule: Pick<DocumentRule, 'conditions' | 'event'>): string {
  return `当 ${describeConditions(catalog, rule.conditions)} 时 → ${describeOutcome(catalog, rule.event)}`;
}
