/**
 * The visual editor's model of a rule document. It is shaped like react-querybuilder's own
 * (`combinator`, `not`, `rules`, `field`, `operator`, `value`, `valueSource`) so the condition tree can
 * be handed to the builder as it is, but it is ours: json-rules-engine's `all`/`any`/`not`, the node
 * names and priorities, `path`, `params`, fact-to-fact comparisons and condition references all have a
 * place in it, so a document survives document → model → document unchanged (see the round-trip tests).
 */

/** Keys of a node the model does not use, kept verbatim and written back in place. */
export type ExtraKeys = Record<string, unknown>;

/** `name` and `priority` are legal on every json-rules-engine condition node. */
export interface NodeMeta {
  name?: unknown;
  priority?: unknown;
}

export interface BuilderCondition {
  id?: string;
  /** The fact. */
  field: string;
  operator: string;
  /** The compared value; for `valueSource: 'field'` the name of the other fact. */
  value: unknown;
  /** 'field' when the value is `{ "fact": … }`: one fact compared with another. */
  valueSource?: 'value' | 'field';
  /** `path`/`params` of that other fact, when compared with one. */
  valueExtra?: ExtraKeys;
  meta?: NodeMeta;
  /** `path`, `params` and any key json-rules-engine or a future version may read. */
  extra?: ExtraKeys;
}

/** `{ "condition": "name" }`: a shared condition defined in the engine, not in the document. */
export interface BuilderConditionReference {
  id?: string;
  conditionReference: unknown;
  meta?: NodeMeta;
  extra?: ExtraKeys;
}

/** A node that is not a condition at all (a typo, a number…); carried through untouched. */
export interface BuilderOpaqueNode {
  id?: string;
  opaque: unknown;
}

export interface BuilderGroup {
  id?: string;
  /** `and` is json-rules-engine's `all`, `or` its `any`. */
  combinator: 'and' | 'or';
  /** True for a `not` node. */
  not?: boolean;
  /**
   * A `not` over something other than an all/any group (`{"not": {"fact": …}}`): the builder shows it as
   * a negated group of one, and it is written back without the group it never had.
   */
  notOverSingle?: boolean;
  rules: BuilderNode[];
  meta?: NodeMeta;
  /** The `not` node's own name and priority, when a `not` wraps a named group. */
  notMeta?: NodeMeta;
  extra?: ExtraKeys;
  notExtra?: ExtraKeys;
  /** The group's content was not an array (or not a condition for `not`): kept as it was. */
  rawContent?: { value: unknown };
}

export type BuilderNode = BuilderGroup | BuilderCondition | BuilderConditionReference | BuilderOpaqueNode;

export interface BuilderEvent {
  type: unknown;
  /** Absent when the document's event had no `params` key. */
  params?: unknown;
  extra?: ExtraKeys;
}

export interface BuilderRule {
  id?: string;
  name?: unknown;
  priority?: unknown;
  /** A group, or whatever the document held there (an invalid root is still carried through). */
  conditions?: BuilderNode;
  event?: BuilderEvent;
  /** The event key was present but not an object. */
  rawEvent?: { value: unknown };
  extra?: ExtraKeys;
}

export interface BuilderDocument {
  rules: BuilderRule[];
}

export function isBuilderGroup(node: BuilderNode): node is BuilderGroup {
  return 'combinator' in node;
}

export function isBuilderCondition(node: BuilderNode): node is BuilderCondition {
  return 'field' in node && 'operator' in node;
}

export function isConditionReference(node: BuilderNode): node is BuilderConditionReference {
  return 'conditionReference' in node;
}
