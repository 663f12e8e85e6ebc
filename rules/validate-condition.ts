import {
  OPERATORS_BY_FACT_TYPE,
  type AllowedOperator,
  type FactDefinition,
  type RuleSetCatalog,
} from './catalog/catalog-types';
import { findFact } from './catalog/rule-set-catalogs';
import { describeJsonType, hasOwn, isPlainObject, isPositiveInteger, unknownKeyMessage } from './json-shape';
import { RULE_DOCUMENT_LIMITS } from './rule-document-limits';
import { childPath, type RuleDocumentErrorList } from './rule-document-errors';
import type { ConditionNode, FactCondition, FactValue, GroupCondition, GroupKind } from './rule-document-types';
import { describeOperator } from './describe-conditions';

const GROUP_KINDS: readonly GroupKind[] = ['all', 'any', 'not'];
const GROUP_KEYS_BESIDE_KIND = ['name', 'priority'] as const;
const FACT_CONDITION_KEYS = ['fact', 'operator', 'value', 'name', 'priority'] as const;

interface ConditionContext {
  catalog: RuleSetCatalog;
  errors: RuleDocumentErrorList;
}

/**
 * Checks a rule's `conditions` and returns a clean copy holding only the keys we allow, or undefined
 * when anything in it is wrong. Recursive, but only ever called on documents whose nesting the caller
 * has already bounded, so the depth of recursion is bounded too.
 */
export function validateRootCondition(raw: unknown, path: string, ctx: ConditionContext): GroupCondition | undefined {
  const node = validateCondition(raw, path, 1, ctx);
  if (node && 'fact' in node) {
    // json-rules-engine refuses a bare condition at the root when the rule is built; say so at save time.
    ctx.errors.add('CONDITION_ROOT_NOT_A_GROUP', path, 'conditions 的最外层必须是 all（全部满足）、any（任一满足）或 not（不满足）之一');
    return undefined;
  }
  return node;
}

function validateCondition(raw: unknown, path: string, depth: number, ctx: ConditionContext): ConditionNode | undefined {
  if (ctx.errors.full) return undefined;
  if (!isPlainObject(raw)) {
    ctx.errors.add('CONDITION_NOT_AN_OBJECT', path, `条件必须是对象，实际为${describeJsonType(raw)}`);
    return undefined;
  }
  if (hasOwn(raw, 'condition')) {
    // Shared conditions live in the engine, not the document: a rule using one would mean something
    // different depending on how the engine was set up, and could not be validated or explained here.
    ctx.errors.add('CONDITION_REFERENCE_NOT_ALLOWED', childPath(path, 'condition'), '不支持引用共享条件（condition），请直接写出条件内容');
    return undefined;
  }
  const kinds = GROUP_KINDS.filter((kind) => hasOwn(raw, kind));
  if (kinds.length > 1 || (kinds.length === 1 && hasOwn(raw, 'fact'))) {
    // json-rules-engine would silently use only one of them (any before all before not).
    const found = [...kinds, ...(hasOwn(raw, 'fact') ? ['fact'] : [])].join('、');
    ctx.errors.add('CONDITION_AMBIGUOUS', path, `一个条件只能是 all、any、not 或单个事实条件之一，这里同时出现了：${found}`);
    return undefined;
  }
  const kind = kinds[0];
  if (kind) return validateGroup(raw, kind, path, depth, ctx);
  if (!hasOwn(raw, 'fact') && !hasOwn(raw, 'operator') && !hasOwn(raw, 'value')) {
    ctx.errors.add('CONDITION_MISSING_KEY', path, '条件须为 all、any、not 之一，或包含 fact、operator、value 的单个事实条件');
    checkUnknownKeys(raw, path, [...GROUP_KINDS, ...FACT_CONDITION_KEYS], ctx);
    return undefined;
  }
  return validateFactCondition(raw, path, ctx);
}

function validateGroup(
  raw: Record<string, unknown>,
  kind: GroupKind,
  path: string,
  depth: number,
  ctx: ConditionContext,
): GroupCondition | undefined {
  let ok = checkUnknownKeys(raw, path, [kind, ...GROUP_KEYS_BESIDE_KIND], ctx);
  const meta = validateConditionMeta(raw, path, ctx);
  ok &&= meta !== undefined;
  const contentPath = childPath(path, kind);
  if (depth > RULE_DOCUMENT_LIMITS.maxConditionDepth) {
    ctx.errors.add('CONDITION_TOO_DEEP', path, `条件嵌套超过 ${RULE_DOCUMENT_LIMITS.maxConditionDepth} 层`);
    return undefined;
  }
  const content = raw[kind];
  if (kind === 'not') {
    if (Array.isArray(content)) {
      ctx.errors.add('CONDITION_NOT_AN_OBJECT', contentPath, 'not 的内容必须是单个条件对象，不能是数组');
      return undefined;
    }
    const inner = validateCondition(content, contentPath, depth + 1, ctx);
    return ok && inner ? { not: inner, ...meta } : undefined;
  }
  if (!Array.isArray(content)) {
    ctx.errors.add('CONDITION_GROUP_NOT_AN_ARRAY', contentPath, `${kind} 的内容必须是条件数组，实际为${describeJsonType(content)}`);
    return undefined;
  }
  if (content.length === 0) {
    // json-rules-engine counts an empty group as satisfied, even an empty `any`: never what an editor meant.
    ctx.errors.add('CONDITION_GROUP_EMPTY', contentPath, `${kind} 至少需要一个条件`);
    return undefined;
  }
  const children = content.map((child, index) => validateCondition(child, childPath(contentPath, index), depth + 1, ctx));
  if (!ok || children.some((c) => c === undefined)) return undefined;
  const valid = children as ConditionNode[];
  return kind === 'all' ? { all: valid, ...meta } : { any: valid, ...meta };
}

function validateFactCondition(raw: Record<string, unknown>, path: string, ctx: ConditionContext): FactCondition | undefined {
  let ok = true;
  for (const key of Object.keys(raw)) {
    if ((FACT_CONDITION_KEYS as readonly string[]).includes(key)) continue;
    ok = false;
    if (key === 'path') {
      // Our facts are plain values; a JSONPath into them would only ever resolve to undefined.
      ctx.errors.add('CONDITION_PATH_NOT_ALLOWED', childPath(path, key), '事实均为简单值，不支持 path');
    } else if (key === 'params') {
      // Facts are computed by `lib/` before the run, so there is nothing a parameter could change.
      ctx.errors.add('CONDITION_PARAMS_NOT_ALLOWED', childPath(path, key), '事实由系统事先计算，条件中不支持 params');
    } else {
      ctx.errors.add('CONDITION_UNKNOWN_KEY', childPath(path, key), unknownKeyMessage(key, '条件', FACT_CONDITION_KEYS));
    }
  }
  for (const key of ['fact', 'operator', 'value'] as const) {
    if (!hasOwn(raw, key)) {
      ctx.errors.add('CONDITION_MISSING_KEY', path, `条件缺少 ${key}`);
      ok = false;
    }
  }
  const meta = validateConditionMeta(raw, path, ctx);
  if (!ok || !meta) return undefined;

  const fact = typeof raw.fact === 'string' ? findFact(ctx.catalog, raw.fact) : undefined;
  if (!fact) {
    const known = ctx.catalog.facts.map((f) => `${f.name}（${f.label}）`).join('、');
    ctx.errors.add('CONDITION_UNKNOWN_FACT', childPath(path, 'fact'), `未知事实 ${JSON.stringify(raw.fact)}，${ctx.catalog.label}可用的事实：${known}`);
    return undefined;
  }
  const allowed: readonly string[] = OPERATORS_BY_FACT_TYPE[fact.type];
  if (typeof raw.operator !== 'string' || !allowed.includes(raw.operator)) {
    const list = allowed.map((op) => `${op}（${describeOperator(op as AllowedOperator)}）`).join('、');
    const kind = fact.type === 'boolean' ? '是/否类' : '枚举类';
    ctx.errors.add(
      'CONDITION_OPERATOR_NOT_ALLOWED',
      childPath(path, 'operator'),
      `【${fact.label}】是${kind}事实，只能使用运算符：${list}；不支持 ${JSON.stringify(raw.operator)}`,
    );
    return undefined;
  }
  const operator = raw.operator as AllowedOperator;
  const value = validateValue(raw.value, fact, operator, childPath(path, 'value'), ctx);
  if (value === undefined) return undefined;
  return { fact: fact.name, operator, value, ...meta };
}

function validateValue(
  value: unknown,
  fact: FactDefinition,
  operator: AllowedOperator,
  path: string,
  ctx: ConditionContext,
): FactValue | FactValue[] | undefined {
  if (isPlainObject(value) && hasOwn(value, 'fact')) {
    // Comparing one fact with another is legal json-rules-engine, but none of our rule sets needs it and
    // it would let a value escape the type and range checks below.
    ctx.errors.add('CONDITION_VALUE_FACT_REFERENCE', path, '条件的值必须是固定值，不支持引用其他事实（{"fact": …}）');
    return undefined;
  }
  if (fact.type === 'boolean') {
    if (typeof value === 'boolean') return value;
    ctx.errors.add('CONDITION_VALUE_WRONG_TYPE', path, `【${fact.label}】的值必须是 true 或 false，实际为${describeJsonType(value)}`);
    return undefined;
  }
  const options = fact.values.map((v) => `${v.value}（${v.label}）`).join('、');
  const checkOne = (item: unknown, itemPath: string): item is string => {
    if (typeof item !== 'string') {
      ctx.errors.add('CONDITION_VALUE_WRONG_TYPE', itemPath, `【${fact.label}】的值必须是字符串，实际为${describeJsonType(item)}`);
      return false;
    }
    if (!fact.values.some((v) => v.value === item)) {
      ctx.errors.add('CONDITION_VALUE_NOT_ALLOWED', itemPath, `【${fact.label}】没有取值 ${JSON.stringify(item)}，可选：${options}`);
      return false;
    }
    return true;
  };
  if (operator === 'equal' || operator === 'notEqual') {
    if (Array.isArray(value)) {
      ctx.errors.add('CONDITION_VALUE_WRONG_TYPE', path, `运算符 ${operator} 只比较单个值；比较多个值请使用 in 或 notIn`);
      return undefined;
    }
    return checkOne(value, path) ? value : undefined;
  }
  if (!Array.isArray(value)) {
    ctx.errors.add('CONDITION_VALUE_WRONG_TYPE', path, `运算符 ${operator} 的值必须是数组，例如 ["${fact.values[0]?.value}"]，实际为${describeJsonType(value)}`);
    return undefined;
  }
  if (value.length === 0) {
    ctx.errors.add('CONDITION_VALUE_EMPTY_LIST', path, `运算符 ${operator} 至少需要一个值，可选：${options}`);
    return undefined;
  }
  let ok = true;
  const seen = new Set<unknown>();
  value.forEach((item, index) => {
    const itemPath = childPath(path, index);
    if (!checkOne(item, itemPath)) ok = false;
    else if (seen.has(item)) {
      ctx.errors.add('CONDITION_VALUE_DUPLICATE', itemPath, `取值 ${JSON.stringify(item)} 重复出现`);
      ok = false;
    }
    seen.add(item);
  });
  return ok ? (value as string[]) : undefined;
}

/** `name` and `priority` are legal on every condition node; returns the clean pair or undefined. */
function validateConditionMeta(raw: Record<string, unknown>, path: string, ctx: ConditionContext): { name?: string; priority?: number } | undefined {
  const meta: { name?: string; priority?: number } = {};
  let ok = true;
  if (hasOwn(raw, 'name')) {
    if (typeof raw.name === 'string' && raw.name.trim() !== '' && raw.name.length <= RULE_DOCUMENT_LIMITS.maxNameLength) meta.name = raw.name;
    else {
      ctx.errors.add('RULE_NAME_INVALID', childPath(path, 'name'), `条件名称须为 1 至 ${RULE_DOCUMENT_LIMITS.maxNameLength} 个字符的文字`);
      ok = false;
    }
  }
  if (hasOwn(raw, 'priority')) {
    if (isPositiveInteger(raw.priority)) meta.priority = raw.priority;
    else {
      ctx.errors.add('RULE_PRIORITY_INVALID', childPath(path, 'priority'), '优先级须为正整数');
      ok = false;
    }
  }
  return ok ? meta : undefined;
}

function checkUnknownKeys(raw: Record<string, unknown>, path: string, allowed: readonly string[], ctx: ConditionContext): boolean {
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (allowed.includes(key)) continue;
    ctx.errors.add('CONDITION_UNKNOWN_KEY', childPath(path, key), unknownKeyMessage(key, '条件', allowed));
    ok = false;
  }
  return ok;
}
