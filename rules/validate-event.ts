import type { RuleSetCatalog } from './catalog/catalog-types';
import { findOutcome } from './catalog/rule-set-catalogs';
import { describeJsonType, hasOwn, isPlainObject, unknownKeyMessage } from './json-shape';
import { childPath, type RuleDocumentErrorList } from './rule-document-errors';
import type { RuleEvent } from './rule-document-types';

const EVENT_KEYS = ['type', 'params'] as const;

/**
 * Checks a rule's `event` against the catalog's outcomes. Parameters are checked as strictly as facts:
 * the normalized outcome is read from them (the surrender clause, the rejection reason), so a typo here
 * would otherwise surface as a wrong decision rather than an error.
 */
export function validateEvent(raw: unknown, path: string, catalog: RuleSetCatalog, errors: RuleDocumentErrorList): RuleEvent | undefined {
  if (!isPlainObject(raw)) {
    errors.add('EVENT_NOT_AN_OBJECT', path, `event 必须是对象，实际为${describeJsonType(raw)}`);
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(raw)) {
    if ((EVENT_KEYS as readonly string[]).includes(key)) continue;
    errors.add('EVENT_UNKNOWN_KEY', childPath(path, key), unknownKeyMessage(key, 'event ', EVENT_KEYS));
    ok = false;
  }
  const outcome = typeof raw.type === 'string' ? findOutcome(catalog, raw.type) : undefined;
  if (!outcome) {
    const known = catalog.outcomes.map((o) => `${o.type}（${o.label}）`).join('、');
    errors.add('EVENT_UNKNOWN_TYPE', childPath(path, 'type'), `未知结果类型 ${JSON.stringify(raw.type)}，${catalog.label}可用的结果：${known}`);
    return undefined;
  }

  const paramsPath = childPath(path, 'params');
  const rawParams = hasOwn(raw, 'params') ? raw.params : {};
  if (!isPlainObject(rawParams)) {
    errors.add('EVENT_PARAMS_INVALID', paramsPath, `params 必须是对象，实际为${describeJsonType(rawParams)}`);
    return undefined;
  }
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(rawParams)) {
    const definition = outcome.params.find((p) => p.name === name);
    if (!definition) {
      const allowed = outcome.params.map((p) => p.name);
      const hint = allowed.length ? `，只能包含：${allowed.join('、')}` : '，该结果不带参数';
      errors.add('EVENT_PARAMS_INVALID', childPath(paramsPath, name), `结果「${outcome.label}」没有参数 "${name}"${hint}`);
      ok = false;
      continue;
    }
    const option = definition.values.find((v) => v.value === value);
    if (!option) {
      // Strict equality on purpose: the string "1" is not clause 1, and the normalizer compares strictly.
      const options = definition.values.map((v) => `${JSON.stringify(v.value)}（${v.label}）`).join('、');
      errors.add('EVENT_PARAMS_INVALID', childPath(paramsPath, name), `${definition.label}的取值 ${JSON.stringify(value)} 无效，可选：${options}`);
      ok = false;
      continue;
    }
    params[name] = option.value;
  }
  for (const definition of outcome.params) {
    if (definition.required && !hasOwn(rawParams, definition.name)) {
      errors.add('EVENT_PARAMS_INVALID', paramsPath, `结果「${outcome.label}」缺少参数 ${definition.name}（${definition.label}）`);
      ok = false;
    }
  }
  if (!ok) return undefined;
  return Object.keys(params).length > 0 ? { type: outcome.type, params } : { type: outcome.type };
}
