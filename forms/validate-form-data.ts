import type { RJSFSchema } from '@rjsf/utils';
import { createFormValidator } from './form-validator';
import { validateFormSchema } from './validate-form-schema';

export type FormDataValidation = { ok: true } | { ok: false; fieldErrors: Record<string, string> };

/** Largest form submission accepted: a filled application is a few KiB. */
export const MAX_FORM_DATA_BYTES = 32 * 1024;

// ajv keeps every schema it compiles. The server sees the same few published schemas again and again,
// each read fresh from the database, so it keeps one validator per distinct schema text (bounded), and
// never lets two versions of a form share one ajv instance.
const MAX_CACHED = 32;
const cache = new Map<string, { validator: ReturnType<typeof createFormValidator>; schema: RJSFSchema; unusable: string | null }>();

function validatorFor(schema: RJSFSchema) {
  const key = JSON.stringify(schema);
  let entry = cache.get(key);
  if (entry) {
    cache.delete(key);
  } else {
    // Checked once per schema: a form published before patterns ran on RE2 may hold one RE2 cannot run
    // (lookaround, backreferences), and its bidders must be told why, not given a bare 填写有误.
    const check = validateFormSchema(schema);
    entry = { validator: createFormValidator(), schema: JSON.parse(key) as RJSFSchema, unusable: check.ok ? null : check.errors[0]! };
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, entry);
  return entry;
}

/** Validates submitted form data against a form version's schema; field paths as `contact.mobile`. */
export function validateFormData(schema: RJSFSchema, data: unknown): FormDataValidation {
  const text = JSON.stringify(data ?? null);
  if (Buffer.byteLength(text) > MAX_FORM_DATA_BYTES) return { ok: false, fieldErrors: { _: '提交的内容过大' } };
  // The database cannot store NUL characters; they never come from a person typing.
  if (text.includes('\\u0000')) return { ok: false, fieldErrors: { _: '提交的内容包含无效字符' } };
  const { validator, schema: compiled, unusable } = validatorFor(schema);
  if (unusable) return { ok: false, fieldErrors: { _: `此表单的配置无法使用（${unusable}），请联系平台管理员更新表单` } };
  const { errors } = validator.validateFormData(data, compiled);
  if (errors.length === 0) return { ok: true };
  const fieldErrors: Record<string, string> = {};
  for (const error of errors) {
    const path = (error.property ?? '').replace(/^\./, '') || '_';
    fieldErrors[path] ??= error.message ?? '填写有误';
  }
  return { ok: false, fieldErrors };
}
