import { describe, expect, it } from 'vitest';
import { DEFAULT_APPLICATION_FORM } from './defaults/default-application-form';
import { INVALID_APPLICATIONS, VALID_APPLICATION } from './fixtures/application-submissions';
import { formValidator } from './form-validator';
import { validateFormData } from './validate-form-data';

const { schema } = DEFAULT_APPLICATION_FORM;

describe('application form validation (the validator the browser form uses too)', () => {
  it('accepts a complete, correct application', () => {
    expect(validateFormData(schema, VALID_APPLICATION)).toEqual({ ok: true });
    expect(formValidator.isValid(schema, VALID_APPLICATION, schema)).toBe(true);
  });

  it.each(INVALID_APPLICATIONS)('refuses $label on $field, in Chinese', ({ data, field }) => {
    const result = validateFormData(schema, data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors)).toEqual([field]);
    expect(result.fieldErrors[field]).toMatch(/[\u4e00-\u9fa5]/);
    expect(formValidator.isValid(schema, data, schema)).toBe(false);
  });

  it('words our formats for people', () => {
    const result = validateFormData(schema, INVALID_APPLICATIONS[0]!.data);
    expect(result).toEqual({ ok: false, fieldErrors: { 'applicant.uscc': expect.stringContaining('统一社会信用代码无效') } });
  });
});
