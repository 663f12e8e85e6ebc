import type { RJSFSchema } from '@rjsf/utils';
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

  it('validates each schema against itself, even two versions that look alike', () => {
    const v1: RJSFSchema = { type: 'object', required: ['a'], properties: { a: { type: 'string' } } };
    const v2: RJSFSchema = { type: 'object', required: ['b'], properties: { b: { type: 'string' } } };
    expect(validateFormData(v1, { a: 'x' })).toEqual({ ok: true });
    expect(validateFormData(v2, { a: 'x' }).ok).toBe(false);
    expect(validateFormData(v2, { b: 'y' })).toEqual({ ok: true });
    // The same schema read again from the database is a new object each time; results do not drift.
    for (let i = 0; i < 50; i++) expect(validateFormData(JSON.parse(JSON.stringify(v1)), { a: 'x' })).toEqual({ ok: true });
  });

  it('refuses data the form does not ask for and NUL characters', () => {
    expect(validateFormData(schema, { ...VALID_APPLICATION, junk: 1 }).ok).toBe(false);
    expect(validateFormData(schema, { ...VALID_APPLICATION, applicant: { ...VALID_APPLICATION.applicant, legalRepresentative: '王\u0000' } })).toEqual({
      ok: false,
      fieldErrors: { _: '提交的内容包含无效字符' },
    });
  });

  it('words our formats for people', () => {
    const result = validateFormData(schema, INVALID_APPLICATIONS[0]!.data);
    expect(result).toEqual({ ok: false, fieldErrors: { 'applicant.uscc': expect.stringContaining('统一社会信用代码无效') } });
  });
});

describe('a form published before patterns ran on RE2', () => {
  it('tells the bidder the form cannot be used, with the reason, instead of a bare 填写有误', () => {
    const schema = { type: 'object', properties: { code: { type: 'string', pattern: '^(?=a)a+$' } } } as const;
    const result = validateFormData(schema as never, { code: 'aaa' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors._).toMatch(/^此表单的配置无法使用（.*前瞻/);
  });
});
