import type { RuleSetCatalog } from '../catalog/catalog-types';
import { findFact } from '../catalog/rule-set-catalogs';
import { isBuilderCondition, isBuilderGroup, type BuilderGroup, type BuilderNode } from './builder-model';

/**
 * The builder's widgets hand back strings ('true', a single choice where a list is wanted after the
 * operator changed to 属于); the document wants the fact's own types: booleans, one value for 等于,
 * a list for 属于 / 不属于.
 */
export function normalizeConditionValues(group: BuilderGroup, catalog: RuleSetCatalog): BuilderGroup {
  return { ...group, rules: group.rules.map((node) => normalizeNode(node, catalog)) };
}

function normalizeNode(node: BuilderNode, catalog: RuleSetCatalog): BuilderNode {
  if (isBuilderGroup(node)) return normalizeConditionValues(node, catalog);
  if (!isBuilderCondition(node) || node.valueSource === 'field') return node;
  const fact = findFact(catalog, node.field);
  if (!fact) return node;
  let value = node.value;
  if (fact.type === 'boolean') {
    const single = Array.isArray(value) ? value[0] : value;
    value = single === 'true' || single === true ? true : single === 'false' || single === false ? false : single;
  } else if (node.operator === 'in' || node.operator === 'notIn') {
    if (!Array.isArray(value)) value = typeof value === 'string' && value !== '' ? value.split(',') : [];
  } else if (Array.isArray(value)) {
    value = value[0] ?? fact.values[0]?.value;
  }
  return value === node.value ? node : { ...node, value };
}
