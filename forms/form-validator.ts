import type { ErrorObject } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { customFormats, FORMAT_MESSAGES } from './custom-formats';
import { linearTimeRegExp } from './linear-time-regexp';

/** ajv's Chinese messages, with our own wording for the formats people meet most. */
function localize(errors?: null | ErrorObject[]): void {
  // A conditional field's branches (dependencies → oneOf) fail on the field they depend on whenever the
  // other branch applies; only the errors of the branch that applies say something to the bidder.
  if (errors) {
    const noise = errors.filter((e) => e.schemaPath.includes('/dependencies/') && (e.keyword === 'oneOf' || e.keyword === 'not' || e.keyword === 'const'));
    for (const error of noise) errors.splice(errors.indexOf(error), 1);
  }
  localizeZh(errors);
  for (const error of errors ?? []) {
    if (error.keyword === 'format') {
      const format = (error.params as { format?: string }).format;
      if (format && FORMAT_MESSAGES[format]) error.message = FORMAT_MESSAGES[format];
    }
    if (error.keyword === 'required') error.message = '此项为必填项';
    // A section with conditional fields lists its fields in propertyNames instead of additionalProperties.
    if (error.keyword === 'additionalProperties' || error.keyword === 'propertyNames' || 'propertyName' in (error.params ?? {})) error.message = '包含表单之外的内容';
  }
}

/**
 * A validator of application forms: react-jsonschema-form uses one in the browser and the server
 * validates every submission with one built the same way, so a document is valid on both sides or on
 * neither. Patterns run on the linear-time engine, so no schema can make validation hang either side.
 */
export function createFormValidator() {
  return customizeValidator({ customFormats, ajvOptionsOverrides: { code: { regExp: linearTimeRegExp } } }, localize);
}

/** The browser's validator: one page shows one form, so one instance serves it. */
export const formValidator = createFormValidator();
