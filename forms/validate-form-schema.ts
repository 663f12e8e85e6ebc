import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { findTooDeepNode, utf8ByteLength } from '@/rules/measure-json-depth';
import { customFormats } from './custom-formats';
import { explainUnsupportedPattern, linearTimeRegExp } from './linear-time-regexp';

/** Stable reasons a form document is refused, for tests, support and the editor. */
export type FormSchemaErrorCode =
  | 'FORM_NOT_JSON'
  | 'FORM_NOT_OBJECT'
  | 'FORM_TOO_LARGE'
  | 'FORM_TOO_DEEP'
  | 'FORM_TOO_MANY_FIELDS'
  | 'FORM_ROOT_NOT_OBJECT'
  | 'FORM_ID_NOT_ALLOWED'
  | 'FORM_PATTERN_UNSUPPORTED'
  | 'FORM_SCHEMA_INVALID';

export type FormSchemaFailure = { ok: false; code: FormSchemaErrorCode; errors: string[] };
export type FormSchemaValidation = { ok: true } | FormSchemaFailure;

/** A form document is a few KiB; the caps keep a hostile one from costing more than a normal one. */
export const FORM_DOCUMENT_LIMITS = {
  /** Bytes of the schema or the uiSchema as UTF-8 JSON. */
  maxBytes: 256 * 1024,
  /** Nested objects and arrays; the shipped form needs 5, a conditional choice field about 12. */
  maxDepth: 32,
  /** Entries of every `properties` in the schema together (sections and fields). */
  maxFields: 500,
} as const;

const refuse = (code: FormSchemaErrorCode, message: string): FormSchemaFailure => ({ ok: false, code, errors: [message] });

/**
 * Reads a form document (JSON text or the object) within the size and depth caps, measured without
 * recursion before anything recursive (JSON.stringify, ajv) touches it.
 */
export function readBoundedDocument(input: unknown, what: string): { ok: true; value: unknown } | FormSchemaFailure {
  let value = input;
  if (typeof input === 'string') {
    if (utf8ByteLength(input) > FORM_DOCUMENT_LIMITS.maxBytes) return refuse('FORM_TOO_LARGE', `${what}过大（上限 256 KiB）`);
    try {
      value = JSON.parse(input);
    } catch (error) {
      return refuse('FORM_NOT_JSON', `${what}不是合法的 JSON：${(error as Error).message}`);
    }
  }
  const tooDeep = findTooDeepNode(value, FORM_DOCUMENT_LIMITS.maxDepth);
  if (tooDeep) {
    return refuse('FORM_TOO_DEEP', `${what}嵌套过深（上限 ${FORM_DOCUMENT_LIMITS.maxDepth} 层，超出位置 ${tooDeep.path.slice(0, 120)}）`);
  }
  if (typeof input !== 'string' && utf8ByteLength(JSON.stringify(value) ?? '') > FORM_DOCUMENT_LIMITS.maxBytes) {
    return refuse('FORM_TOO_LARGE', `${what}过大（上限 256 KiB）`);
  }
  return { ok: true, value };
}

/** Every string `pattern` and every `patternProperties` key, found without recursion. */
function collectPatternsAndCountFields(schema: object): { patterns: string[]; fields: number } {
  const patterns: string[] = [];
  let fields = 0;
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.pattern === 'string') patterns.push(record.pattern);
    if (record.properties && typeof record.properties === 'object') fields += Object.keys(record.properties).length;
    if (record.patternProperties && typeof record.patternProperties === 'object') patterns.push(...Object.keys(record.patternProperties));
    stack.push(...Object.values(record));
  }
  return { patterns, fields };
}

/**
 * Checks a form's JSON Schema before it is saved: well-formed, bounded, an object form, patterns the
 * linear-time engine can run, and compilable by ajv with the formats our validator knows. A schema that
 * fails here would break every application.
 */
export function validateFormSchema(input: unknown): FormSchemaValidation {
  const read = readBoundedDocument(input, '表单结构');
  if (!read.ok) return read;
  const schema = read.value;
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return refuse('FORM_NOT_OBJECT', '表单结构必须是 JSON 对象');
  if ((schema as { type?: unknown }).type !== 'object') return refuse('FORM_ROOT_NOT_OBJECT', '表单结构的顶层 type 必须是 "object"');
  const { patterns, fields } = collectPatternsAndCountFields(schema);
  if (fields > FORM_DOCUMENT_LIMITS.maxFields) return refuse('FORM_TOO_MANY_FIELDS', `表单字段过多（${fields} 个，上限 ${FORM_DOCUMENT_LIMITS.maxFields} 个）`);
  // An $id would make validators share a compiled schema across versions of the form.
  if (JSON.stringify(schema).includes('"$id"')) return refuse('FORM_ID_NOT_ALLOWED', '表单结构不能使用 $id');
  for (const pattern of patterns) {
    const reason = explainUnsupportedPattern(pattern);
    if (reason) return refuse('FORM_PATTERN_UNSUPPORTED', reason);
  }
  // Strict about the schema itself (an unknown format or keyword is an error, not silently ignored),
  // lenient about type combinations RJSF forms commonly use.
  const ajv = new Ajv({
    allErrors: true, strictSchema: true, strictTypes: false, strictTuples: false, strictRequired: false,
    code: { regExp: linearTimeRegExp },
  });
  ajv.addVocabulary(['enumNames']);
  addFormats(ajv);
  for (const [name, check] of Object.entries(customFormats)) ajv.addFormat(name, check);
  try {
    ajv.compile(schema as object);
  } catch (error) {
    return refuse('FORM_SCHEMA_INVALID', `表单结构无效：${(error as Error).message}`);
  }
  return { ok: true };
}

/** Checks a form's uiSchema: a bounded JSON object. */
export function validateUiSchema(input: unknown): FormSchemaValidation {
  if (input === undefined || input === '') return { ok: true };
  const read = readBoundedDocument(input, '界面配置（uiSchema）');
  if (!read.ok) return read;
  const value = read.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return refuse('FORM_NOT_OBJECT', '界面配置（uiSchema）必须是 JSON 对象');
  return { ok: true };
}

/** Parses a schema or uiSchema given as JSON text or as the object itself. */
export function parseJsonObject(input: unknown): Record<string, unknown> | null {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return null;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
