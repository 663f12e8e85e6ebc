import { OPERATORS_BY_FACT_TYPE, type RuleSetCatalog } from '../catalog/catalog-types';
import { findFact } from '../catalog/rule-set-catalogs';
import { isBuilderCondition, isBuilderGroup, type BuilderCondition, type BuilderDocument, type BuilderEvent, type BuilderGroup } from './builder-model';

/** One condition of a flat rule, shown in the fact's column. */
export interface DecisionCell {
  operator: string;
  value: unknown;
}

export type DecisionTableRow =
  | { kind: 'flat'; ruleIndex: number; name: unknown; priority: unknown; cells: Record<string, DecisionCell | undefined>; event: BuilderEvent | undefined }
  | { kind: 'not-flat'; ruleIndex: number; name: unknown; priority: unknown; reason: string };

/**
 * The decision-table view of a document: a rule fits a row when its conditions are one `all` of plain
 * fact conditions, at most one per fact (an empty cell then means "any value"). Any other rule is listed
 * with the reason, and is edited in the condition tree.
 */
export function toDecisionTable(model: BuilderDocument, catalog: RuleSetCatalog): DecisionTableRow[] {
  return model.rules.map((rule, ruleIndex) => {
    const base = { ruleIndex, name: rule.name, priority: rule.priority };
    const reason = notFlatReason(rule.conditions, catalog);
    if (reason) return { kind: 'not-flat', ...base, reason };
    const cells: Record<string, DecisionCell | undefined> = {};
    for (const condition of (rule.conditions as BuilderGroup).rules as BuilderCondition[]) {
      cells[condition.field] = { operator: condition.operator, value: condition.value };
    }
    return { kind: 'flat', ...base, cells, event: rule.event };
  });
}

function notFlatReason(conditions: unknown, catalog: RuleSetCatalog): string | undefined {
  const root = conditions as BuilderGroup | undefined;
  if (!root || !isBuilderGroup(root) || root.rawContent) return '条件结构无法识别';
  if (root.not || root.combinator !== 'and') return '最外层不是「全部满足」';
  const seen = new Set<string>();
  for (const child of root.rules) {
    if (isBuilderGroup(child)) return '含有嵌套的条件组';
    if (!isBuilderCondition(child) || child.valueSource === 'field' || child.extra || child.meta) return '含有表格无法显示的条件';
    const fact = findFact(catalog, child.field);
    if (!fact || !(OPERATORS_BY_FACT_TYPE[fact.type] as readonly string[]).includes(child.operator)) return '含有未知事实或运算符';
    if (seen.has(child.field)) return `同一事实「${fact.label}」出现多次`;
    seen.add(child.field);
  }
  return undefined;
}

/**
 * The document with one cell of a flat rule changed: a new condition goes where the fact stands in the
 * catalog, so the table's column order is also the document's; `undefined` clears the cell ("any").
 */
export function setDecisionCell(model: BuilderDocument, ruleIndex: number, factName: string, cell: DecisionCell | undefined, catalog: RuleSetCatalog): BuilderDocument {
  const rules = model.rules.map((rule, index) => {
    if (index !== ruleIndex || !rule.conditions || !isBuilderGroup(rule.conditions)) return rule;
    const group = rule.conditions;
    const existing = group.rules.findIndex((c) => isBuilderCondition(c) && c.field === factName);
    let children = [...group.rules];
    if (cell === undefined) {
      if (existing >= 0) children.splice(existing, 1);
    } else if (existing >= 0) {
      children[existing] = { ...(children[existing] as BuilderCondition), operator: cell.operator, value: cell.value };
    } else {
      const order = (name: string) => catalog.facts.findIndex((f) => f.name === name);
      const at = children.findIndex((c) => isBuilderCondition(c) && order(c.field) > order(factName));
      const condition: BuilderCondition = { field: factName, operator: cell.operator, value: cell.value };
      children = at < 0 ? [...children, condition] : [...children.slice(0, at), condition, ...children.slice(at)];
    }
    return { ...rule, conditions: { ...group, rules: children } };
  });
  return { rules };
}
