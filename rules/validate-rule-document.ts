import { getRuleSetCatalog, type RuleSetKey } from './catalog/rule-set-catalogs';
import type { RuleSetCatalog } from './catalog/catalog-types';
import { describeJsonType, hasOwn, isPlainObject, isPositiveInteger, unknownKeyMessage } from './json-shape';
import { findTooDeepNode, utf8ByteLength } from './measure-json-depth';
import { RULE_DOCUMENT_LIMITS } from './rule-document-limits';
import { childPath, RuleDocumentErrorList, type RuleDocumentError } from './rule-document-errors';
import type { DocumentRule, ValidRuleDocument } from './rule-document-types';
import { validateRootCondition } from './validate-condition';
import { validateEvent } from './validate-event';

const RULE_KEYS = ['name', 'priority', 'conditions', 'event'] as const;

export type ValidateRuleDocumentOptions = { ruleSetKey: RuleSetKey } & (
  | { /** The document as the operator typed it. */ text: string; value?: never }
  | { /** A document already parsed, e.g. a request body or a stored JSON column. */ value: unknown; text?: never }
);

export type RuleDocumentValidation =
  | { ok: true; rules: ValidRuleDocument }
  | { ok: false; errors: RuleDocumentError[] };

/**
 * Checks a rule document against its rule set's catalog. On success the rules returned are a clean
 * copy containing only the keys we know, which is what should be stored and given to the engine.
 *
 * Order matters for safety: the size is checked on the text before JSON.parse, and the nesting depth
 * without recursion before the recursive walk, so hostile input is refused in linear time.
 */
export function validateRuleDocument(options: ValidateRuleDocumentOptions): RuleDocumentValidation {
  const catalog = getRuleSetCatalog(options.ruleSetKey);
  const parsed = options.text !== undefined ? parseDocumentText(options.text) : measureParsedValue(options.value);
  if (!parsed.ok) return parsed;
  return validateRules(parsed.value, catalog);
}

type Parsed = { ok: true; value: unknown } | { ok: false; errors: RuleDocumentError[] };

function parseDocumentText(text: string): Parsed {
  // A UTF-8 character is never fewer bytes than UTF-16 units, so the length alone already refuses
  // a 5 MB paste without walking it.
  if (text.length > RULE_DOCUMENT_LIMITS.maxBytes || utf8ByteLength(text) > RULE_DOCUMENT_LIMITS.maxBytes) {
    return tooLarge();
  }
  if (text.trim() === '') return failure('DOCUMENT_MALFORMED_JSON', '$', '文档为空，请输入规则数组，例如 []');
  let value: unknown;
  try {
    // V8's JSON.parse does not recurse, so deep nesting within the size bound is safe to parse.
    value = JSON.parse(text);
  } catch (error) {
    return failure('DOCUMENT_MALFORMED_JSON', '$', describeParseError(text, error));
  }
  return checkDepth(value) ?? { ok: true, value };
}

function checkDepth(value: unknown): Parsed | undefined {
  const tooDeep = findTooDeepNode(value, RULE_DOCUMENT_LIMITS.maxJsonDepth);
  if (tooDeep) return failure('DOCUMENT_TOO_DEEP', tooDeep.path, `文档嵌套层数超过 ${RULE_DOCUMENT_LIMITS.maxJsonDepth} 层`);
  return undefined;
}

function measureParsedValue(value: unknown): Parsed {
  // Depth first: JSON.stringify recurses, and a cyclic or absurdly nested value must not reach it.
  const tooDeep = checkDepth(value);
  if (tooDeep) return tooDeep;
  let text: string;
  try {
    text = JSON.stringify(value) ?? '';
  } catch {
    // e.g. a BigInt somewhere in the value: it could never be stored as a JSON document.
    return failure('DOCUMENT_MALFORMED_JSON', '$', '文档包含无法表示为 JSON 的值');
  }
  if (text.length > RULE_DOCUMENT_LIMITS.maxBytes || utf8ByteLength(text) > RULE_DOCUMENT_LIMITS.maxBytes) return tooLarge();
  return { ok: true, value };
}

/** Turns V8's "… at position 42" into a line and column an operator can find in the editor. */
function describeParseError(text: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(detail);
  const offset = position ? Number(position[1]) : undefined;
  if (offset === undefined || offset >= text.length) {
    const incomplete = offset !== undefined || /end of JSON input/i.test(detail);
    return `JSON 格式错误：${incomplete ? '文档不完整，可能缺少右括号或引号' : detail}`;
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const near = text.slice(offset, offset + 20).split('\n')[0];
  return `JSON 格式错误：第 ${line} 行第 ${column} 列附近（${JSON.stringify(near)}）无法解析`;
}

function validateRules(value: unknown, catalog: RuleSetCatalog): RuleDocumentValidation {
  if (!Array.isArray(value)) {
    return failure('DOCUMENT_NOT_AN_ARRAY', '$', `规则文档的最外层必须是规则数组 [ … ]，实际为${describeJsonType(value)}`);
  }
  // An empty document would silently turn every decision into "no" (reject, refuse, no surrender).
  if (value.length === 0) return failure('DOCUMENT_EMPTY', '$', '规则文档至少需要一条规则');
  if (value.length > RULE_DOCUMENT_LIMITS.maxRules) {
    return failure('DOCUMENT_TOO_MANY_RULES', '$', `规则数量 ${value.length} 超过上限 ${RULE_DOCUMENT_LIMITS.maxRules} 条`);
  }
  const errors = new RuleDocumentErrorList(RULE_DOCUMENT_LIMITS.maxErrors);
  const rules: (DocumentRule | undefined)[] = value.map((raw, index) => validateRule(raw, childPath('$', index), catalog, errors));
  checkDuplicateNames(rules, errors);
  if (errors.errors.length > 0) return { ok: false, errors: errors.errors };
  // The casts are the point of this function: only here does a checked array become a ValidRuleDocument.
  return { ok: true, rules: Object.freeze(rules as DocumentRule[]) as unknown as ValidRuleDocument };
}

function validateRule(raw: unknown, path: string, catalog: RuleSetCatalog, errors: RuleDocumentErrorList): DocumentRule | undefined {
  if (errors.full) return undefined;
  if (!isPlainObject(raw)) {
    errors.add('RULE_NOT_AN_OBJECT', path, `规则必须是对象，实际为${describeJsonType(raw)}`);
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(raw)) {
    if ((RULE_KEYS as readonly string[]).includes(key)) continue;
    // json-rules-engine ignores unknown keys, so a typo such as `condition` would otherwise just vanish.
    errors.add('RULE_UNKNOWN_KEY', childPath(path, key), unknownKeyMessage(key, '规则', RULE_KEYS));
    ok = false;
  }
  const rule: Partial<DocumentRule> = {};
  if (hasOwn(raw, 'name')) {
    const name = raw.name;
    if (typeof name === 'string' && name.trim() !== '' && name.length <= RULE_DOCUMENT_LIMITS.maxNameLength) rule.name = name;
    else {
      errors.add('RULE_NAME_INVALID', childPath(path, 'name'), `规则名称须为 1 至 ${RULE_DOCUMENT_LIMITS.maxNameLength} 个字符的文字`);
      ok = false;
    }
  }
  if (hasOwn(raw, 'priority')) {
    if (isPositiveInteger(raw.priority)) rule.priority = raw.priority;
    else {
      errors.add('RULE_PRIORITY_INVALID', childPath(path, 'priority'), `优先级须为正整数，实际为 ${JSON.stringify(raw.priority)}`);
      ok = false;
    }
  }
  if (!hasOwn(raw, 'conditions')) {
    errors.add('RULE_MISSING_CONDITIONS', path, '规则缺少 conditions（条件）');
    ok = false;
  } else {
    rule.conditions = validateRootCondition(raw.conditions, childPath(path, 'conditions'), { catalog, errors });
    ok &&= rule.conditions !== undefined;
  }
  if (!hasOwn(raw, 'event')) {
    errors.add('RULE_MISSING_EVENT', path, '规则缺少 event（结果）');
    ok = false;
  } else {
    rule.event = validateEvent(raw.event, childPath(path, 'event'), catalog, errors);
    ok &&= rule.event !== undefined;
  }
  return ok ? (rule as DocumentRule) : undefined;
}

/** Fired rules are logged by name, so two rules with one name would make the decision log ambiguous. */
function checkDuplicateNames(rules: (DocumentRule | undefined)[], errors: RuleDocumentErrorList): void {
  const firstIndexByName = new Map<string, number>();
  rules.forEach((rule, index) => {
    if (rule?.name === undefined) return;
    const first = firstIndexByName.get(rule.name);
    if (first === undefined) firstIndexByName.set(rule.name, index);
    else errors.add('RULE_NAME_DUPLICATE', childPath(childPath('$', index), 'name'), `规则名称「${rule.name}」与第 ${first + 1} 条规则重复`);
  });
}

function failure(code: RuleDocumentError['code'], path: string, message: string): { ok: false; errors: RuleDocumentError[] } {
  return { ok: false, errors: [{ code, path, message }] };
}

function tooLarge() {
  return failure('DOCUMENT_TOO_LARGE', '$', `规则文档超过 ${RULE_DOCUMENT_LIMITS.maxBytes / 1024} KiB 上限`);
}
