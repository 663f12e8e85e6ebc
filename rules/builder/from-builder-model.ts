import {
  isBuilderCondition,
  isBuilderGroup,
  isConditionReference,
  type BuilderDocument,
  type BuilderEvent,
  type BuilderGroup,
  type BuilderNode,
  type BuilderRule,
  type ExtraKeys,
  type NodeMeta,
} from './builder-model';

/**
 * The visual editor's model back as a json-rules-engine document. Keys come out in the order the
 * validator writes them (rule: name, priority, conditions, event; condition: fact, operator, value,
 * name, priority), so saving a document the builder touched does not reorder what it did not touch.
 */
export function fromBuilderModel(model: BuilderDocument): unknown[] {
  return model.rules.map(fromRule);
}

function fromRule(rule: BuilderRule): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  if (rule.name !== undefined) raw.name = rule.name;
  if (rule.priority !== undefined) raw.priority = rule.priority;
  if (rule.conditions !== undefined) raw.conditions = fromNode(rule.conditions);
  if (rule.event !== undefined) raw.event = fromEvent(rule.event);
  else if (rule.rawEvent) raw.event = rule.rawEvent.value;
  return withExtra(raw, rule.extra);
}

function fromEvent(event: BuilderEvent): Record<string, unknown> {
  const raw: Record<string, unknown> = { type: event.type };
  if (event.params !== undefined) raw.params = event.params;
  return withExtra(raw, event.extra);
}

export function fromNode(node: BuilderNode): unknown {
  if (isBuilderGroup(node)) return fromGroup(node);
  if (isBuilderCondition(node)) {
    const value = node.valueSource === 'field' ? withExtra({ fact: node.value }, node.valueExtra) : node.value;
    return withExtra(withMeta({ fact: node.field, operator: node.operator, value }, node.meta), node.extra);
  }
  if (isConditionReference(node)) return withExtra(withMeta({ condition: node.conditionReference }, node.meta), node.extra);
  return node.opaque;
}

function fromGroup(group: BuilderGroup): Record<string, unknown> {
  const key = group.combinator === 'or' ? 'any' : 'all';
  if (group.not && group.notOverSingle && group.rules.length === 1 && !group.rawContent) {
    return withExtra(withMeta({ not: fromNode(group.rules[0]!) }, group.meta), group.extra);
  }
  const content = group.rawContent ? group.rawContent.value : group.rules.map(fromNode);
  const inner = withExtra(withMeta({ [key]: content }, group.meta), group.extra);
  if (!group.not) return inner;
  return withExtra(withMeta({ not: inner }, group.notMeta), group.notExtra);
}

function withMeta(raw: Record<string, unknown>, meta: NodeMeta | undefined): Record<string, unknown> {
  if (meta && 'name' in meta) raw.name = meta.name;
  if (meta && 'priority' in meta) raw.priority = meta.priority;
  return raw;
}

function withExtra(raw: Record<string, unknown>, extra: ExtraKeys | undefined): Record<string, unknown> {
  if (!extra) return raw;
  for (const key of Object.keys(extra)) Object.defineProperty(raw, key, { value: extra[key], enumerable: true, writable: true, configurable: true });
  return raw;
}
