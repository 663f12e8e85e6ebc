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
  }
}

/**
 * The one validator of application forms: react-jsonschema-form uses it in the browser and the server
 * validates every submission with it, so a document is valid on both sides or on neither.
 */
export const formValidator = customizeValidator({ customFormats }, localize);
