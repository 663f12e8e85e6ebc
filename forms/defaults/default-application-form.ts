import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import form from './application-form.json' with { type: 'json' };

/** The shipped application form (投保信息); operators publish their own versions from it. */
export const DEFAULT_APPLICATION_FORM: { schema: RJSFSchema; uiSchema: UiSchema } = form as { schema: RJSFSchema; uiSchema: UiSchema };

/** The key products name to say which form their applicants fill. */
export const APPLICATION_FORM_KEY = 'application';
