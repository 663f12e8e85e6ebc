import { describe, expect, it } from 'vitest';
import { DEFAULT_APPLICATION_FORM } from './defaults/default-application-form';
import { FORM_DOCUMENT_LIMITS, validateFormSchema, validateUiSchema } from './validate-form-schema';

/** A schema nested `levels` objects deep, as text, built without recursion. */
/** 12,000 levels fit in 256 KiB as arrays: what a hostile document would send. */
const deepText = (levels: number) => `{"type":"object","default":${'['.repeat(levels)}${']'.repeat(levels)}}`;
const nestedText = (levels: number) => `{"type":"object","properties":{"a":${'{"type":"object","properties":{"a":'.repeat(levels)}{"type":"string"}${'}}'.repeat(levels)}}}`;

describe('form schema validation', () => {
  it('accepts the shipped application form', () => {
    expect(validateFormSchema(DEFAULT_APPLICATION_FORM.schema)).toEqual({ ok: true });
    expect(validateFormSchema(JSON.stringify(DEFAULT_APPLICATION_FORM.schema))).toEqual({ ok: true });
  });

  it.each([
    ['malformed JSON', '{"type": "object",', 'FORM_NOT_JSON', '不是合法的 JSON'],
    ['an array', '[]', 'FORM_NOT_OBJECT', '必须是 JSON 对象'],
    ['a non-object form', { type: 'string' }, 'FORM_ROOT_NOT_OBJECT', '顶层 type'],
    ['an unknown format', { type: 'object', properties: { a: { type: 'string', format: 'passport' } } }, 'FORM_SCHEMA_INVALID', '表单结构无效'],
    ['a wrong keyword value', { type: 'object', properties: { a: { type: 'strng' } } }, 'FORM_SCHEMA_INVALID', '表单结构无效'],
    ['a huge document', `{"type":"object","title":"${'x'.repeat(300_000)}"}`, 'FORM_TOO_LARGE', '过大'],
    ['a huge document given as an object', { type: 'object', title: '表'.repeat(100_000) }, 'FORM_TOO_LARGE', '过大'],
    ['a document nested 12,000 levels', deepText(12_000), 'FORM_TOO_DEEP', '嵌套过深'],
    ['a document nested one level too deep', nestedText(FORM_DOCUMENT_LIMITS.maxDepth / 2), 'FORM_TOO_DEEP', '上限 32 层'],
    [
      'too many fields',
      { type: 'object', properties: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`f${i}`, { type: 'string' }])) },
      'FORM_TOO_MANY_FIELDS',
      '表单字段过多',
    ],
    ['an $id', { type: 'object', $id: 'x' }, 'FORM_ID_NOT_ALLOWED', '$id'],
    ['a lookahead pattern', { type: 'object', properties: { a: { type: 'string', pattern: '^(?=.*\\d).+$' } } }, 'FORM_PATTERN_UNSUPPORTED', '不支持前瞻/后顾断言与反向引用'],
    ['a backreference', { type: 'object', properties: { a: { type: 'string', pattern: '^(a)\\1$' } } }, 'FORM_PATTERN_UNSUPPORTED', '反向引用'],
    ['a lookbehind in patternProperties', { type: 'object', patternProperties: { '(?<!x)y': { type: 'string' } } }, 'FORM_PATTERN_UNSUPPORTED', '正则表达式'],
    ['a broken pattern', { type: 'object', properties: { a: { type: 'string', pattern: '[' } } }, 'FORM_PATTERN_UNSUPPORTED', '无效或不受支持'],
  ])('refuses %s', (_label, schema, code, message) => {
    const result = validateFormSchema(schema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.errors[0]).toContain(message);
  });

  it('accepts a schema just within the depth cap and patterns RE2 runs, Chinese ranges included', () => {
    expect(validateFormSchema(nestedText(FORM_DOCUMENT_LIMITS.maxDepth / 2 - 2))).toEqual({ ok: true });
    expect(validateFormSchema({ type: 'object', properties: { a: { type: 'string', pattern: '^[\\u4e00-\\u9fa5]{2,20}$' }, b: { type: 'string', pattern: '^(a+)+$' } } })).toEqual({ ok: true });
  });

  it('bounds the uiSchema the same way', () => {
    expect(validateUiSchema({ 'ui:order': ['a'] })).toEqual({ ok: true });
    expect(validateUiSchema(undefined)).toEqual({ ok: true });
    expect(validateUiSchema('[1]')).toMatchObject({ ok: false, code: 'FORM_NOT_OBJECT' });
    expect(validateUiSchema(`${'{"a":'.repeat(12_000)}1${'}'.repeat(12_000)}`)).toMatchObject({ ok: false, code: 'FORM_TOO_DEEP' });
  });
});
