import { LEGACY_PREFILL_UI_SCHEMA } from './legacy-prefill';
import { PREFILL_OPTION, PREFILL_SOURCES, isPrefillSource, type PrefillProfile } from './prefill-sources';
import { isPlainObject as isRecord } from '@/rules/json-shape';


/**
 * The initial form data a form version asks for: every field whose uiSchema says
 * `"ui:options": { "prefill": "enterprise.…" }` gets that value of the bidder's enterprise profile, at the
 * field's own path (`applicant.name`). Walks without recursion; the uiSchema is already bounded.
 */
export function buildPrefill(uiSchema: unknown, profile: PrefillProfile): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const stack: { node: Record<string, unknown>; path: string[] }[] = isRecord(uiSchema) ? [{ node: uiSchema, path: [] }] : [];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    const options = node['ui:options'];
    const source = isRecord(options) ? options[PREFILL_OPTION] : undefined;
    if (path.length > 0 && isPrefillSource(source)) {
      const value = profile[PREFILL_SOURCES[source].column];
      if (value !== null && value !== undefined && value !== '') {
        let target = data;
        for (const key of path.slice(0, -1)) target = (isRecord(target[key]) ? target[key] : (target[key] = {})) as Record<string, unknown>;
        target[path.at(-1)!] = value;
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (!key.startsWith('ui:') && isRecord(child)) stack.push({ node: child, path: [...path, key] });
    }
  }
  return data;
}

/** Whether any field of the uiSchema declares a prefill source. */
export function declaresPrefill(uiSchema: unknown): boolean {
  const stack: unknown[] = [uiSchema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isRecord(node)) continue;
    if (isRecord(node['ui:options']) && PREFILL_OPTION in node['ui:options']) return true;
    stack.push(...Object.values(node));
  }
  return false;
}

/**
 * A uiSchema from before prefill was declared, with the prefill it always had written into it, so a draft
 * made from it shows (and keeps) those prefills in the builder. A uiSchema that declares any is returned as is.
 */
export function withDeclaredPrefill(uiSchema: unknown): unknown {
  if (declaresPrefill(uiSchema) || !isRecord(uiSchema)) return uiSchema;
  const copy = JSON.parse(JSON.stringify(uiSchema)) as Record<string, unknown>;
  for (const [section, fields] of Object.entries(LEGACY_PREFILL_UI_SCHEMA)) {
    const target = (isRecord(copy[section]) ? copy[section] : (copy[section] = {})) as Record<string, unknown>;
    for (const [field, ui] of Object.entries(fields)) {
      const existing = (isRecord(target[field]) ? target[field] : {}) as Record<string, unknown>;
      const options = isRecord(existing['ui:options']) ? existing['ui:options'] : {};
      target[field] = { ...existing, 'ui:options': { ...options, ...ui['ui:options'] } };
    }
  }
  return copy;
}

/** The prefill of a form version: its declared one, or for a version from before declarations the one all forms had. */
export function buildFormPrefill(uiSchema: unknown, profile: PrefillProfile): Record<string, unknown> {
  return buildPrefill(declaresPrefill(uiSchema) ? uiSchema : LEGACY_PREFILL_UI_SCHEMA, profile);
}
