/**
 * The shape of a rule set's catalog: the facts `lib/` computes for it and the outcomes its rules may
 * produce. The catalog is the contract between the rule editor, the validator, the engine wrapper and
 * the explanation; everything that shows a fact or an outcome to a person takes its Chinese label from here.
 */

/** One allowed value of an enum fact or an outcome parameter, with the label people see. */
export interface LabelledValue<V extends string | number = string | number> {
  readonly value: V;
  readonly label: string;
  /** A longer wording, where the short label alone would not tell an operator what the value means. */
  readonly description?: string;
}

export interface BooleanFactDefinition {
  readonly name: string;
  readonly type: 'boolean';
  readonly label: string;
}

export interface EnumFactDefinition {
  readonly name: string;
  readonly type: 'enum';
  readonly label: string;
  readonly values: readonly LabelledValue<string>[];
}

export type FactDefinition = BooleanFactDefinition | EnumFactDefinition;
export type FactType = FactDefinition['type'];

export interface OutcomeParamDefinition {
  readonly name: string;
  readonly label: string;
  readonly required: boolean;
  readonly values: readonly LabelledValue[];
}

export interface OutcomeDefinition {
  readonly type: string;
  readonly label: string;
  readonly params: readonly OutcomeParamDefinition[];
  /**
   * A decision answers the rule set's question on its own; a modifier only adds to a decision (e.g. "also
   * collect a refund account") and means nothing without one. Absent means decision. The static check
   * needs this: a case where only modifiers fire is still a gap, and a modifier beside a decision is no conflict.
   */
  readonly role?: 'decision' | 'modifier';
}

export interface RuleSetCatalog {
  readonly key: string;
  readonly label: string;
  readonly facts: readonly FactDefinition[];
  readonly outcomes: readonly OutcomeDefinition[];
  /** What the normalizer answers when no decision fires, worded for operators; must match normalize-outcome.ts. */
  readonly fallbackWhenNothingFires: string;
}

/**
 * The operators a rule may use on a fact of each type. Deliberately short: json-rules-engine also
 * knows lessThan, contains, decorators such as `not:equal`, and custom operators, but none of them means
 * anything for a yes/no or a closed list, and every extra operator is one more thing the readable view
 * and the explanation would have to word correctly.
 */
export const OPERATORS_BY_FACT_TYPE = {
  boolean: ['equal', 'notEqual'],
  enum: ['equal', 'notEqual', 'in', 'notIn'],
} as const satisfies Record<FactType, readonly string[]>;

export type AllowedOperator = (typeof OPERATORS_BY_FACT_TYPE)[FactType][number];

/**
 * The facts object a catalog asks for, derived from the catalog itself so that the TypeScript type
 * and the runtime check can never drift apart.
 */
export type FactsOf<C extends RuleSetCatalog> = {
  -readonly [F in C['facts'][number] as F['name']]: F extends EnumFactDefinition
    ? F['values'][number]['value']
    : boolean;
};

/** The values an outcome parameter may take, derived from the catalog (e.g. the payment rejection reasons). */
export type ParamValueOf<
  C extends RuleSetCatalog,
  EventType extends C['outcomes'][number]['type'],
  ParamName extends string,
> = Extract<Extract<C['outcomes'][number], { type: EventType }>['params'][number], { name: ParamName }>['values'][number]['value'];
