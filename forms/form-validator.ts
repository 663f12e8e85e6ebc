import type { ErrorObject } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { customFormats, FORMAT_MESSAGES } from './custom-formats';

/** ajv's Chinese messages, with our own wording for the formats people meet most. */
function localize(errors?: null | ErrorObject[]): void {
  localizeZh(errors);
  for (const error of errors ?? []) {
    if (error.keyword === 'format') {
      const format = (error.params as { format?: string }).format;
      if (format && FORMAT_MESSAGES[format]) error.message = FORMAT_MESSAGES[format];
    }
    if (error.keyword === 'required') error.message = '此项为必填项';
    if (error.keyword === 'additionalProperties') error.message = '包含表单之外的内容';
  }
}

/**
 * A validator of application forms: react-jsonschema-form uses one in the browser and the server
 * validates every submission with one built the same way, so a document is valid on both sides or on
 * neither.
 */
export function createFormValidator() {
  return customizeValidator({ customFormats }, localize);
}

/** The browser's validator: one page shows one form, so one instance serves it. */
export const formValidator = createFormValidator();
