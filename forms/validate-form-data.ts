import type { RJSFSchema } from '@rjsf/utils';
import { formValidator } from './form-validator';

export type FormDataValidation = { ok: true } | { ok: false; fieldErrors: Record<string, string> };

/** Validates submitted form data against a form version's schema; field paths as `contact.mobile`. */
export function validateFormData(schema: RJSFSchema, data: unknown): FormDataValidation {
  const { errors } = formValidator.validateFormData(data, schema);
  if (errors.length === 0) return { ok: true };
  const fieldErrors: Record<string, string> = {};
  for (const error of errors) {
    const path = (error.property ?? '').replace(/^\./, '') || '_';
    fieldErrors[path] ??= error.message ?? '填写有误';
  }
  return { ok: false, fieldErrors };
}
