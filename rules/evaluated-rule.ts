import type { RuleResult } from 'json-rules-engine';
import {
  groupChildren,
  groupKind,
  isFactCondition,
  type ConditionNode,
  type DocumentRule,
  type FactCondition,
  type FactValue,
  type RuleEvent,
} from './rule-document-types';

/**
 * What one rule did in one run, in plain JSON fit for the decision log: the rule's own condition tree
 * (json-rules-engine's all/any/not/fact shape) annotated with `result` per node and, for fact
 * conditions, `factResult` (the value the fact had).
 *
 * `result` is absent on nodes json-rules-engine never evaluated: it short-circuits `all` and `any`, so
 * "not evaluated" is a third state the explanation must show, not a false.
 */
export type EvaluatedFactCondition = FactCondition & { result?: boolean; factResult?: FactValue };
export type EvaluatedConditionNode =
  | EvaluatedFactCondition
  | { all: EvaluatedConditionNode[]; name?: string; priority?: number; result?: boolean }
  | { any: EvaluatedConditionNode[]; name?: string; priority?: number; result?: boolean }
  | { not: EvaluatedConditionNode; name?: string; priority?: number; result?: boolean };

export interface EvaluatedRule {
  /** Position in the document, which is also the order results are reported in. */
  index: number;
  /** The rule's name, or "第 n 条规则" for an unnamed rule. */
  name: string;
  fired: boolean;
  event: RuleEvent;
  priority?: number;
  conditions: EvaluatedConditionNode;
}

export function displayRuleName(rule: DocumentRule, index: number): string {
  return rule.name ?? `第 ${index + 1} 条规则`;
}

/**
 * The shape json-rules-engine leaves on each node of `RuleResult.conditions`: its own `Condition`
 * objects with `result`, `factResult` and the children under all/any/not. Its declared types do not
 * include `factResult` on every variant, hence this minimal structural view.
 */
interface EngineConditionView {
  result?: unknown;
  factResult?: unknown;
  all?: EngineConditionView[];
  any?: EngineConditionView[];
  not?: EngineConditionView;
}

/**
 * Builds the evaluated tree from our validated rule (structure and values) and the engine's result
 * (outcomes per node). Taking the structure from our own rule keeps the log free of the engine's
 * internal fields (operator names on groups, default priorities, factResult caches).
 */
export function toEvaluatedRule(rule: DocumentRule, index: number, engineResult: RuleResult): EvaluatedRule {
  const fired = engineResult.result === true;
  const conditions = annotate(rule.conditions, engineResult.conditions as EngineConditionView);
  // json-rules-engine evaluates the root group without recording its result on the node.
  conditions.result = fired;
  return {
    index,
    name: displayRuleName(rule, index),
    fired,
    event: rule.event,
    ...(rule.priority !== undefined ? { priority: rule.priority } : {}),
    conditions,
  };
}

function annotate(node: ConditionNode, view: EngineConditionView | undefined): EvaluatedConditionNode {
  const result = typeof view?.result === 'boolean' ? { result: view.result } : {};
  if (isFactCondition(node)) {
    const fact = view?.factResult;
    const factResult = typeof fact === 'boolean' || typeof fact === 'string' ? { factResult: fact } : {};
    return { ...node, ...result, ...factResult };
  }
  const kind = groupKind(node);
  const meta = { ...(node.name !== undefined ? { name: node.name } : {}), ...(node.priority !== undefined ? { priority: node.priority } : {}) };
  const children = groupChildren(node);
  if (kind === 'not') return { not: annotate(children[0]!, view?.not), ...meta, ...result };
  const childViews = (kind === 'all' ? view?.all : view?.any) ?? [];
  const annotated = children.map((child, i) => annotate(child, childViews[i]));
  return kind === 'all' ? { all: annotated, ...meta, ...result } : { any: annotated, ...meta, ...result };
}
