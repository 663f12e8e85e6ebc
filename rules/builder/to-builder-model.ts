import { hasOwn, isPlainObject } from '../json-shape';
import type { BuilderCondition, BuilderConditionReference, BuilderDocument, BuilderEvent, BuilderGroup, BuilderNode, BuilderRule, ExtraKeys, NodeMeta } from './builder-model';

export type ToBuilderResult = { ok: true; model: BuilderDocument } | { ok: false; reason: string };

const GROUP_KEYS = ['all', 'any', 'not'] as const;
const META_KEYS = ['name', 'priority'];

/**
 * A rule document as the visual editor's model. Never loses anything: what the model has no place for
 * is kept in `extra` (or as an opaque node) and written back by `fromBuilderModel`. Only a document that
 * is not an array of rule objects has no model at all; the editor then shows it as JSON only.
 */
export function toBuilderModel(document: unknown): ToBuilderResult {
  if (!Array.isArray(document)) return { ok: false, reason: '规则文档的最外层不是规则数组，只能在 JSON 视图中编辑' };
  const rules: BuilderRule[] = [];
  for (const [index, raw] of document.entries()) {
    if (!isPlainObject(raw)) return { ok: false, reason: `第 ${index + 1} 条规则不是对象，只能在 JSON 视图中编辑` };
    rules.push(toRule(raw));
  }
  return { ok: true, model: { rules } };
}

function toRule(raw: Record<string, unknown>): BuilderRule {
  const rule: BuilderRule = {};
  if (hasOwn(raw, 'name')) rule.name = raw.name;
  if (hasOwn(raw, 'priority')) rule.priority = raw.priority;
  if (hasOwn(raw, 'conditions')) rule.conditions = toNode(raw.conditions);
  if (hasOwn(raw, 'event')) {
    if (isPlainObject(raw.event) && hasOwn(raw.event, 'type')) rule.event = toEvent(raw.event);
    else rule.rawEvent = { value: raw.event };
  }
  const extra = extraKeys(raw, ['name', 'priority', 'conditions', 'event']);
  if (extra) rule.extra = extra;
  return rule;
}

function toEvent(raw: Record<string, unknown>): BuilderEvent {
  const event: BuilderEvent = { type: raw.type };
  if (hasOwn(raw, 'params')) event.params = raw.params;
  const extra = extraKeys(raw, ['type', 'params']);
  if (extra) event.extra = extra;
  return event;
}

export function toNode(raw: unknown): BuilderNode {
  if (!isPlainObject(raw)) return { opaque: raw };
  const kinds = GROUP_KEYS.filter((k) => hasOwn(raw, k));
  const isFact = hasOwn(raw, 'fact');
  const isReference = hasOwn(raw, 'condition');
  // json-rules-engine would pick one of several kinds silently; the model does not guess which.
  if (kinds.length + (isFact ? 1 : 0) + (isReference ? 1 : 0) !== 1) return { opaque: raw };
  if (isReference) return withMetaAndExtra<BuilderConditionReference>({ conditionReference: raw.condition }, raw, ['condition']);
  if (isFact) {
    if (typeof raw.fact !== 'string' || !hasOwn(raw, 'operator') || typeof raw.operator !== 'string' || !hasOwn(raw, 'value')) return { opaque: raw };
    const condition = withMetaAndExtra<BuilderCondition>({ field: raw.fact, operator: raw.operator, value: raw.value }, raw, ['fact', 'operator', 'value']);
    const value = raw.value;
    if (isPlainObject(value) && hasOwn(value, 'fact') && typeof value.fact === 'string') {
      condition.value = value.fact;
      condition.valueSource = 'field';
      const valueExtra = extraKeys(value, ['fact']);
      if (valueExtra) condition.valueExtra = valueExtra;
    }
    return condition;
  }
  const kind = kinds[0]!;
  if (kind === 'not') return toNotGroup(raw);
  return toGroup(raw, kind);
}

function toGroup(raw: Record<string, unknown>, kind: 'all' | 'any'): BuilderGroup {
  const content = raw[kind];
  const group = withMetaAndExtra<BuilderGroup>({ combinator: kind === 'all' ? 'and' : 'or', rules: [] }, raw, [kind]);
  if (Array.isArray(content)) group.rules = content.map(toNode);
  else group.rawContent = { value: content };
  return group;
}

/** A plain `{"all": […]}` or `{"any": […]}`: what a negated group can be folded onto. */
function isPlainAllOrAny(raw: unknown): raw is Record<string, unknown> {
  if (!isPlainObject(raw) || hasOwn(raw, 'fact') || hasOwn(raw, 'condition') || hasOwn(raw, 'not')) return false;
  return hasOwn(raw, 'all') !== hasOwn(raw, 'any');
}

function toNotGroup(raw: Record<string, unknown>): BuilderGroup {
  const inner = raw.not;
  if (isPlainAllOrAny(inner)) {
    const group = toGroup(inner, hasOwn(inner, 'all') ? 'all' : 'any');
    group.not = true;
    const notMeta = metaOf(raw);
    if (notMeta) group.notMeta = notMeta;
    const notExtra = extraKeys(raw, ['not']);
    if (notExtra) group.notExtra = notExtra;
    return group;
  }
  return withMetaAndExtra<BuilderGroup>({ combinator: 'and', not: true, notOverSingle: true, rules: [toNode(inner)] }, raw, ['not']);
}

function metaOf(raw: Record<string, unknown>): NodeMeta | undefined {
  const meta: NodeMeta = {};
  if (hasOwn(raw, 'name')) meta.name = raw.name;
  if (hasOwn(raw, 'priority')) meta.priority = raw.priority;
  return Object.keys(meta).length ? meta : undefined;
}

function withMetaAndExtra<T extends { meta?: NodeMeta; extra?: ExtraKeys }>(node: T, raw: Record<string, unknown>, own: string[]): T {
  const meta = metaOf(raw);
  if (meta) node.meta = meta;
  const extra = extraKeys(raw, [...own, ...META_KEYS]);
  if (extra) node.extra = extra;
  return node;
}

function extraKeys(raw: Record<string, unknown>, known: readonly string[]): ExtraKeys | undefined {
  const extra: ExtraKeys = {};
  // defineProperty, not assignment: a key named "__proto__" must stay a key, not become a prototype.
  for (const key of Object.keys(raw)) if (!known.includes(key)) Object.defineProperty(extra, key, { value: raw[key], enumerable: true, writable: true, configurable: true });
  return Object.keys(extra).length ? extra : undefined;
}
