import type { AllowedOperator } from './catalog/catalog-types';

/**
 * The subset of json-rules-engine's rule format that a validated document is known to use. Narrower
 * than the library's own `RuleProperties` (no condition references, no `path`, no fact references in
 * values, no custom operators), so the readable view and the explanation can word every node.
 */

export type FactValue = boolean | string;

export interface FactCondition {
  fact: string;
  operator: AllowedOperator;
  /** A single value for equal/notEqual, a list for in/notIn. */
  value: FactValue | FactValue[];
  name?: string;
  priority?: number;
}

export interface AllCondition {
  all: ConditionNode[];
  name?: string;
  priority?: number;
}

export interface AnyCondition {
  any: ConditionNode[];
  name?: string;
  priority?: number;
}

export interface NotCondition {
  not: ConditionNode;
  name?: string;
  priority?: number;
}

export type GroupCondition = AllCondition | AnyCondition | NotCondition;
export type ConditionNode = GroupCondition | FactCondition;

export interface RuleEvent {
  type: string;
  params?: Record<string, string | number>;
}

export interface DocumentRule {
  name?: string;
  priority?: number;
  /** json-rules-engine requires a group at the root; a bare fact condition there is refused. */
  conditions: GroupCondition;
  event: RuleEvent;
}

/** A rule document that passed `validateRuleDocument`; only that function should produce one. */
export type ValidRuleDocument = readonly DocumentRule[] & { readonly __validated: unique symbol };

export function isFactCondition(node: ConditionNode): node is FactCondition {
  return 'fact' in node;
}

export type GroupKind = 'all' | 'any' | 'not';

export function groupKind(node: GroupCondition): GroupKind {
  if ('all' in node) return 'all';
  if ('any' in node) return 'any';
  return 'not';
}

export function groupChildren(node: GroupCondition): ConditionNode[] {
  if ('all' in node) return node.all;
  if ('any' in node) return node.any;
  return [node.not];
}
