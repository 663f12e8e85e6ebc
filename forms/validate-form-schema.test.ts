import { describe, expect, it } from 'vitest';
import { DEFAULT_APPLICATION_FORM } from './defaults/default-application-form';
import { validateFormSchema } from './validate-form-schema';

describe('form schema validation', () => {
  it('accepts the shipped application form', () => {
    expect(validateFormSchema(DEFAULT_APPLICATION_FORM.schema)).toEqual({ ok: true });
    expect(validateFormSchema(JSON.stringify(DEFAULT_APPLICATION_FORM.schema))).toEqual({ ok: true });
  });

  it.each([
    ['malformed JSON', '{"type": "object",', '不是合法的 JSON'],
    ['an array', '[]', '必须是 JSON 对象'],
    ['a non-object form', { type: 'string' }, '顶层 type'],
    ['an unknown format', { type: 'object', properties: { a: { type: 'string', format: 'passport' } } }, '表单结构无效'],
    ['a wrong keyword value', { type: 'object', properties: { a: { type: 'strng' } } }, '表单结构无效'],
    ['a huge document', `{"type":"object","title":"${'x'.repeat(300_000)}"}`, '过大'],
  ])('refuses %s', (_label, schema, message) => {
    const result = validateFormSchema(schema);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toContain(message);
  });
});
