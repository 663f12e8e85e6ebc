/**
 * Codes of the problems a rule document can have. Stable: the editor highlights by code and path, tests
 * assert on codes, and the Chinese message may be reworded at any time.
 */
export const RULE_DOCUMENT_ERROR_CODES = [
  'DOCUMENT_TOO_LARGE',
  'DOCUMENT_MALFORMED_JSON',
  'DOCUMENT_NOT_AN_ARRAY',
  'DOCUMENT_EMPTY',
  'DOCUMENT_TOO_MANY_RULES',
  'DOCUMENT_TOO_DEEP',
  'RULE_NOT_AN_OBJECT',
  'RULE_UNKNOWN_KEY',
  'RULE_MISSING_CONDITIONS',
  'RULE_MISSING_EVENT',
  'RULE_NAME_INVALID',
  'RULE_NAME_DUPLICATE',
  'RULE_PRIORITY_INVALID',
  'CONDITION_NOT_AN_OBJECT',
  'CONDITION_UNKNOWN_KEY',
  'CONDITION_AMBIGUOUS',
  'CONDITION_ROOT_NOT_A_GROUP',
  'CONDITION_GROUP_NOT_AN_ARRAY',
  'CONDITION_GROUP_EMPTY',
  'CONDITION_TOO_DEEP',
  'CONDITION_REFERENCE_NOT_ALLOWED',
  'CONDITION_MISSING_KEY',
  'CONDITION_UNKNOWN_FACT',
  'CONDITION_OPERATOR_NOT_ALLOWED',
  'CONDITION_VALUE_WRONG_TYPE',
  'CONDITION_VALUE_NOT_ALLOWED',
  'CONDITION_VALUE_EMPTY_LIST',
  'CONDITION_VALUE_DUPLICATE',
  'CONDITION_VALUE_FACT_REFERENCE',
  'CONDITION_PATH_NOT_ALLOWED',
  'CONDITION_PARAMS_NOT_ALLOWED',
  'EVENT_NOT_AN_OBJECT',
  'EVENT_UNKNOWN_KEY',
  'EVENT_UNKNOWN_TYPE',
  'EVENT_PARAMS_INVALID',
] as const;

export type RuleDocumentErrorCode = (typeof RULE_DOCUMENT_ERROR_CODES)[number];

export interface RuleDocumentError {
  code: RuleDocumentErrorCode;
  /** JSONPath of the offending node, e.g. `$[0].conditions.all[1].value`; `$` for the whole document. */
  path: string;
  message: string;
}

/** `$[0]` + `conditions` → `$[0].conditions`; keys that are not identifiers are quoted. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** Collects errors up to the limit; `full` lets the walkers stop early instead of checking on and on. */
export class RuleDocumentErrorList {
  readonly errors: RuleDocumentError[] = [];

  constructor(private readonly max: number) {}

  add(code: RuleDocumentErrorCode, path: string, message: string): void {
    if (this.errors.length < this.max) this.errors.push({ code, path, message });
  }

  get full(): boolean {
    return this.errors.length >= this.max;
  }
}
