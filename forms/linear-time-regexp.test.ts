import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { formValidator } from './form-validator';
import { linearTimeRegExp } from './linear-time-regexp';
import { validateFormData } from './validate-form-data';

const catastrophic: RJSFSchema = { type: 'object', properties: { a: { type: 'string', pattern: '^(a+)+$' } } };
const hostile = `${'a'.repeat(10_000)}!`;

const timed = (run: () => void) => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

describe('patterns run in linear time', () => {
  it('searches like JSON Schema asks (unanchored), with ECMAScript escapes', () => {
    const digits = linearTimeRegExp('\\d{3}', 'u');
    expect(digits.test('ab123cd')).toBe(true);
    expect(digits.test('ab12cd')).toBe(false);
    expect(linearTimeRegExp('^[\\u4e00-\\u9fa5]+$', 'u').test('中文')).toBe(true);
    expect(linearTimeRegExp('^[\\u4e00-\\u9fa5]+$', 'u').test('中a')).toBe(false);
  });

  it('answers ^(a+)+$ against 10,000 characters in under 50 ms on the server', () => {
    validateFormData(catastrophic, { a: 'warm up' });
    let result: ReturnType<typeof validateFormData> | undefined;
    const ms = timed(() => (result = validateFormData(catastrophic, { a: hostile })));
    expect(result?.ok).toBe(false);
    expect(ms).toBeLessThan(50);
    expect(validateFormData(catastrophic, { a: 'aaaa' })).toEqual({ ok: true });
  });

  it('and in the browser validator RJSF uses', () => {
    formValidator.isValid(catastrophic, { a: 'warm up' }, catastrophic);
    let valid: boolean | undefined;
    const ms = timed(() => (valid = formValidator.isValid(catastrophic, { a: hostile }, catastrophic)));
    expect(valid).toBe(false);
    expect(ms).toBeLessThan(50);
    const errors = formValidator.validateFormData({ a: hostile }, catastrophic).errors;
    expect(errors[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
