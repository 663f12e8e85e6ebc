import { OPERATORS_BY_FACT_TYPE, type RuleSetCatalog } from '../catalog/catalog-types';
import { findFact, findOutcome } from '../catalog/rule-set-catalogs';
import { isPlainObject } from '../json-shape';
import { isBuilderCondition, isBuilderGroup, isConditionReference, type BuilderDocument, type BuilderNode } from './builder-model';

/**
 * Why the visual editors cannot show a document, in Chinese, one line per construct; empty when they can.
 * Such a document opens in the JSON view with these lines as the note, and the model still carries every
 * construct, so nothing in it is lost while another view is not used.
 */
export function findUnsupportedConstructs(model: BuilderDocument, catalog: RuleSetCatalog): string[] {
  const found: string[] = [];
  model.rules.forEach((rule, index) => {
    const where = `第 ${index + 1} 条规则`;
    if (rule.extra) found.push(`${where}含有可视化编辑不支持的字段：${Object.keys(rule.extra).join('、')}`);
    if (rule.name !== undefined && typeof rule.name !== 'string') found.push(`${where}的名称不是文字`);
    if (rule.priority !== undefined && typeof rule.priority !== 'number') found.push(`${where}的优先级不是数字`);
    if (!rule.event) found.push(`${where}缺少结果或结果不是对象`);
    else {
      if (rule.event.extra) found.push(`${where}的结果含有不支持的字段：${Object.keys(rule.event.extra).join('、')}`);
      if (typeof rule.event.type !== 'string' || !findOutcome(catalog, rule.event.type)) found.push(`${where}的结果类型 ${JSON.stringify(rule.event.type)} 不在${catalog.label}的结果中`);
      if (rule.event.params !== undefined && !isPlainObject(rule.event.params)) found.push(`${where}的结果参数不是对象`);
    }
    if (!rule.conditions || !isBuilderGroup(rule.conditions)) found.push(`${where}的条件最外层不是条件组`);
    else walk(rule.conditions, where, catalog, found);
  });
  return found;
}

function walk(node: BuilderNode, where: string, catalog: RuleSetCatalog, found: string[]): void {
  if (isBuilderGroup(node)) {
    if (node.rawContent) found.push(`${where}中有条件组的内容不是条件数组`);
    if (node.extra || node.notExtra) found.push(`${where}中有条件组含有不支持的字段：${Object.keys({ ...node.extra, ...node.notExtra }).join('、')}`);
    for (const child of node.rules) walk(child, where, catalog, found);
    return;
  }
  if (isConditionReference(node)) {
    found.push(`${where}引用了共享条件 ${JSON.stringify(node.conditionReference)}（condition），可视化编辑无法显示其内容`);
    return;
  }
  if (!isBuilderCondition(node)) {
    found.push(`${where}中有无法识别的条件：${JSON.stringify(node.opaque)?.slice(0, 80)}`);
    return;
  }
  if (node.valueSource === 'field') found.push(`${where}中「${node.field}」与另一个事实「${String(node.value)}」比较，可视化编辑只支持与固定值比较`);
  if (node.extra) {
    const keys = Object.keys(node.extra);
    const label = keys.map((k) => (k === 'path' ? 'path（事实路径）' : k === 'params' ? 'params（事实参数）' : k)).join('、');
    found.push(`${where}中「${node.field}」的条件使用了 ${label}`);
  }
  const fact = findFact(catalog, node.field);
  if (!fact) {
    found.push(`${where}中使用了未知事实「${node.field}」`);
    return;
  }
  if (!(OPERATORS_BY_FACT_TYPE[fact.type] as readonly string[]).includes(node.operator)) {
    found.push(`${where}中【${fact.label}】使用了不适用的运算符「${node.operator}」`);
  }
}
