import {
  OPERATORS_BY_FACT_TYPE,
  type AllowedOperator,
  type FactDefinition,
  type LabelledValue,
  type OutcomeDefinition,
  type RuleSetCatalog,
} from './catalog/catalog-types';
import { describeOperator } from './describe-conditions';
import { RULE_DOCUMENT_LIMITS } from './rule-document-limits';

/**
 * A JSON Schema (draft-07) of a rule document of one rule set, for completion, hover and underlining in
 * the rule editor. It is an editing aid only: `validateRuleDocument` stays the judge (the schema cannot
 * say "rule names are unique" or bound the nesting depth), but on every shape the shipped documents use
 * the two agree, which the tests check.
 *
 * Shape choices, all for the sake of the editor:
 * - A condition is one object schema listing every key a group or a fact condition may have, with the
 *   "which kind is it" rules beside it, rather than `anyOf: [group, factCondition]`. With the union a
 *   typo deep inside a condition only makes the outermost union fail, so a validator reports one vague
 *   error on the whole `conditions` block; with one object schema it reports the typo where it is.
 * - What depends on the fact (its operators, its values) is in `if`/`then` keyed on `fact`, so a wrong
 *   operator is reported on `operator` itself, and completion offers the values of the fact just typed.
 * - Enums carry their Chinese labels in `description`, which is what hover and completion show.
 */
export function ruleDocumentJsonSchema(catalog: RuleSetCatalog): object {
  const name = {
    type: 'string',
    minLength: 1,
    // ajv counts characters, the validator UTF-16 units: only names full of emoji could tell them apart.
    maxLength: RULE_DOCUMENT_LIMITS.maxNameLength,
    // The validator refuses a name of spaces only (it trims); JavaScript's \s and trim() agree on what a space is.
    pattern: '\\S',
    description: `名称，1 至 ${RULE_DOCUMENT_LIMITS.maxNameLength} 个字符`,
  };
  const priority = {
    type: 'integer',
    minimum: 1,
    maximum: Number.MAX_SAFE_INTEGER,
    description: '优先级，正整数，数字大者优先',
  };
  const conditionList = (kind: 'all' | 'any') => ({
    type: 'array',
    minItems: 1,
    items: { $ref: '#/definitions/condition' },
    description: kind === 'all' ? 'all：以下条件全部满足' : 'any：以下条件任一满足',
  });
  // Keys every group may have; a fact condition adds its own three.
  const groupProperties = {
    all: conditionList('all'),
    any: conditionList('any'),
    not: { $ref: '#/definitions/condition', description: 'not：以下条件不满足' },
    name,
    priority,
  };
  // "Exactly one kind" as "at least one" plus "no two": json-schema-library gives up on completing a
  // condition whose `oneOf` matches no branch yet, which is every condition as it is being typed.
  // The descriptions are what the editor says when these fail.
  const exactlyOneOf = (kinds: readonly string[], wording: string) => [
    { anyOf: kinds.map((kind) => ({ required: [kind] })), description: `须为 ${wording}之一` },
    {
      not: { anyOf: kinds.flatMap((a, i) => kinds.slice(i + 1).map((b) => ({ required: [a, b] }))) },
      description: `${wording}只能选其一，不能同时出现`,
    },
  ];

  const fact = {
    enum: catalog.facts.map((f) => f.name),
    description: `事实。可选：${catalog.facts.map(describeFact).join('；')}`,
  };
  // No enum here: json-schema-library would merge it with the fact's own list and offer all four operators.
  const operator = {
    description: `运算符：${OPERATORS_BY_FACT_TYPE.enum.map(describeOperatorName).join('；')}（是/否类事实只能用 equal、notEqual）`,
  };
  const value = { description: '比较的值：是/否类事实为 true 或 false；枚举类事实为取值之一，in、notIn 时为取值数组' };

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${catalog.label}文档`,
    description: `${catalog.label}：规则数组，每条规则由 conditions（条件）和 event（结果）组成`,
    type: 'array',
    minItems: 1,
    maxItems: RULE_DOCUMENT_LIMITS.maxRules,
    // Inline rather than a $ref: json-schema-library (behind completion and hover) loses track of a
    // schema reached through `items: { $ref }` unless the target is made of allOf/oneOf/if.
    items: {
      type: 'object',
      description: '一条规则：conditions 满足时产生 event',
      properties: {
        name: { ...name, description: `规则名称，1 至 ${RULE_DOCUMENT_LIMITS.maxNameLength} 个字符，不可重复` },
        priority,
        conditions: { $ref: '#/definitions/group' },
        event: eventSchema(catalog),
      },
      required: ['conditions', 'event'],
      additionalProperties: false,
    },
    definitions: {
      // json-rules-engine refuses a bare fact condition at the root of `conditions`, hence a separate group.
      group: {
        description: '条件组：all（全部满足）、any（任一满足）、not（不满足）三者之一',
        allOf: [
          { type: 'object', properties: groupProperties, additionalProperties: false },
          ...exactlyOneOf(['all', 'any', 'not'], 'all、any、not 条件组'),
        ],
      },
      condition: {
        description: '条件：all、any、not 条件组之一，或由 fact、operator、value 组成的单个事实条件',
        // Everything sits in allOf, the static part too, for the json-schema-library quirk noted above.
        allOf: [
          { type: 'object', properties: { ...groupProperties, fact, operator, value }, additionalProperties: false },
          ...exactlyOneOf(['all', 'any', 'not', 'fact'], 'all、any、not 条件组或单个事实条件（fact）'),
          // A fact condition is complete, and a group carries no operator or value of its own.
          { dependencies: { fact: ['operator', 'value'], operator: ['fact'], value: ['fact'] } },
          ...catalog.facts.flatMap(factRules),
        ],
      },
    },
  };
}

function describeFact(fact: FactDefinition): string {
  return `${fact.name}：${fact.label}（${fact.type === 'boolean' ? '是/否' : '枚举'}）`;
}

function describeOperatorName(operator: AllowedOperator): string {
  return `${operator}：${describeOperator(operator)}`;
}

function describeValues(values: readonly LabelledValue[]): string {
  return values.map((v) => `${v.value}：${v.label}${v.description ? `（${v.description}）` : ''}`).join('；');
}

/** `if fact is F then …`: the operators and values of one fact. */
function factRules(fact: FactDefinition): object[] {
  const isFact = { properties: { fact: { const: fact.name } }, required: ['fact'] };
  const operators: readonly AllowedOperator[] = OPERATORS_BY_FACT_TYPE[fact.type];
  const operatorRule = {
    if: isFact,
    then: {
      properties: {
        fact: { const: fact.name, description: describeFact(fact) },
        operator: {
          enum: operators,
          description: `【${fact.label}】可用的运算符：${operators.map(describeOperatorName).join('；')}`,
        },
      },
    },
  };
  if (fact.type === 'boolean') {
    return [
      operatorRule,
      { if: isFact, then: { properties: { value: { type: 'boolean', description: `【${fact.label}】true：是；false：否` } } } },
    ];
  }
  const single = { enum: fact.values.map((v) => v.value), description: `【${fact.label}】可选：${describeValues(fact.values)}` };
  const withOperators = (ops: readonly AllowedOperator[]) => ({
    properties: { fact: { const: fact.name }, operator: { enum: ops } },
    required: ['fact', 'operator'],
  });
  return [
    operatorRule,
    { if: withOperators(['equal', 'notEqual']), then: { properties: { value: single } } },
    {
      if: withOperators(['in', 'notIn']),
      then: {
        properties: {
          value: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: single,
            description: `【${fact.label}】取值数组，可选：${describeValues(fact.values)}`,
          },
        },
      },
    },
  ];
}

function eventSchema(catalog: RuleSetCatalog): object {
  return {
    type: 'object',
    description: `结果：type 为结果类型，params 为结果参数`,
    properties: {
      type: {
        enum: catalog.outcomes.map((o) => o.type),
        description: `结果类型。可选：${catalog.outcomes.map(describeOutcome).join('；')}`,
      },
      params: { type: 'object', description: '结果参数，随结果类型而定' },
    },
    required: ['type'],
    additionalProperties: false,
    allOf: catalog.outcomes.map((outcome) => {
      const required = outcome.params.filter((p) => p.required).map((p) => p.name);
      return {
        if: { properties: { type: { const: outcome.type } }, required: ['type'] },
        then: {
          properties: {
            type: { const: outcome.type, description: describeOutcome(outcome) },
            params: {
              type: 'object',
              description: outcome.params.length ? `「${outcome.label}」的参数` : `「${outcome.label}」不带参数`,
              properties: Object.fromEntries(
                outcome.params.map((p) => [
                  p.name,
                  { enum: p.values.map((v) => v.value), description: `${p.label}${p.required ? '（必填）' : ''}。可选：${describeValues(p.values)}` },
                ]),
              ),
              required,
              additionalProperties: false,
            },
          },
          // `params` may be left out only when nothing in it is required, as the validator reads it as {}.
          ...(required.length ? { required: ['params'] } : {}),
        },
      };
    }),
  };
}

function describeOutcome(outcome: OutcomeDefinition): string {
  const params = outcome.params.map((p) => `${p.name}${p.required ? '' : '?'}`).join('、');
  return `${outcome.type}：${outcome.label}${params ? `（参数 ${params}）` : ''}`;
}
