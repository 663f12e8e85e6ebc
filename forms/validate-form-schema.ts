import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { customFormats } from './custom-formats';

export type FormSchemaValidation = { ok: true } | { ok: false; errors: string[] };

const MAX_SCHEMA_BYTES = 256 * 1024;

/**
 * Checks a form's JSON Schema before it is saved: well-formed, an object form, and compilable by ajv
 * with the formats our validator knows. A schema that fails here would break every application.
 */
export function validateFormSchema(input: unknown): FormSchemaValidation {
  let schema = input;
  if (typeof input === 'string') {
    if (input.length > MAX_SCHEMA_BYTES) return { ok: false, errors: ['表单结构过大（上限 256 KiB）'] };
    try {
      schema = JSON.parse(input);
    } catch (error) {
      return { ok: false, errors: [`不是合法的 JSON：${(error as Error).message}`] };
    }
  }
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return { ok: false, errors: ['表单结构必须是 JSON 对象'] };
  if ((schema as { type?: unknown }).type !== 'object') return { ok: false, errors: ['表单结构的顶层 type 必须是 "object"'] };
  // An $id would make validators share a compiled schema across versions of the form.
  if (JSON.stringify(schema).includes('"$id"')) return { ok: false, errors: ['表单结构不能使用 $id'] };
  // Strict about the schema itself (an unknown format or keyword is an error, not silently ignored),
  // lenient about type combinations RJSF forms commonly use.
  const ajv = new Ajv({ allErrors: true, strictSchema: true, strictTypes: false, strictTuples: false, strictRequired: false });
  ajv.addVocabulary(['enumNames']);
  addFormats(ajv);
  for (const [name, check] of Object.entries(customFormats)) ajv.addFormat(name, check);
  try {
    ajv.compile(schema as object);
  } catch (error) {
    return { ok: false, errors: [`表单结构无效：${(error as Error).message}`] };
  }
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
