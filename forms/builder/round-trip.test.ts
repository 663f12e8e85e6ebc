import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_APPLICATION_FORM } from '../defaults/default-application-form';
import { PREFILL_SOURCES, type PrefillSource } from '../prefill/prefill-sources';
import { validateFormSchema } from '../validate-form-schema';
import { FIELD_KINDS, isChoiceKind, isNumberKind, isStringKind, type BuilderField, type BuilderModel, type BuilderSection } from './form-builder-model';
import { fromBuilderModel } from './from-builder-model';
import { newField } from './new-field';
import { toBuilderModel } from './to-builder-model';

const roundTrip = (schema: unknown, uiSchema: unknown) => {
  const read = toBuilderModel(schema, uiSchema);
  if (!read.ok) throw new Error(read.reason);
  return { model: read.model, document: fromBuilderModel(read.model) };
};

const key = fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,8}$/);
const text = fc.string({ minLength: 1, maxLength: 8 });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const fieldArb = (fieldKey: string): fc.Arbitrary<BuilderField> =>
  fc
    .record({
      kind: fc.constantFrom(...FIELD_KINDS),
      title: optional(text),
      help: optional(text),
      placeholder: optional(text),
      required: fc.boolean(),
      readOnly: fc.boolean(),
      low: optional(fc.integer({ min: 0, max: 10 })),
      high: optional(fc.integer({ min: 10, max: 100 })),
      options: fc.uniqueArray(fc.record({ value: fc.stringMatching(/^[a-z]{1,6}$/), label: text }), { minLength: 1, maxLength: 4, selector: (o) => o.value }),
      prefill: optional(fc.constantFrom(...(Object.keys(PREFILL_SOURCES) as PrefillSource[]))),
      extraUi: optional(fc.constant({ 'ui:autofocus': true })),
      extraSchema: optional(fc.constant({ description: '说明', default: undefined })),
    })
    .map((r) => {
      const field = newField(r.kind, fieldKey);
      Object.assign(field, { title: r.title, help: r.help, placeholder: r.placeholder, required: r.required, readOnly: r.readOnly });
      if (isStringKind(r.kind)) Object.assign(field, { minLength: r.low, maxLength: r.high });
      if (isNumberKind(r.kind)) Object.assign(field, { minimum: r.low, maximum: r.high });
      if (isChoiceKind(r.kind)) field.options = r.options;
      if (r.kind !== 'checkboxes' && r.kind !== 'boolean') field.prefill = r.prefill;
      if (r.extraUi) field.uiExtra = r.extraUi;
      if (r.extraSchema) field.schemaExtra = { description: '说明' };
      for (const k of Object.keys(field) as (keyof BuilderField)[]) if (field[k] === undefined) delete field[k];
      return field;
    });

const sectionArb = (sectionKey: string): fc.Arbitrary<BuilderSection> =>
  fc
    .uniqueArray(key, { minLength: 1, maxLength: 6 })
    .chain((keys) => fc.tuple(fc.tuple(...keys.map(fieldArb)), fc.boolean(), fc.boolean(), fc.boolean(), optional(text), fc.array(fc.nat(), { maxLength: 3 })))
    .map(([fields, required, closed, orderInUi, title, conditionPicks]) => {
      // Some fields shown only when a choice field (earlier in the list) has one of its values.
      const sources = fields.filter((f) => f.kind === 'select' || f.kind === 'radio' || f.kind === 'boolean');
      for (const [i, pick] of conditionPicks.entries()) {
        const source = sources[pick % Math.max(sources.length, 1)];
        const target = fields[(pick + i + 1) % fields.length]!;
        if (!source || target === source || sources.includes(target)) continue;
        target.showWhen = { field: source.key, equals: source.kind === 'boolean' ? pick % 2 === 0 : source.options![pick % source.options!.length]!.value };
      }
      return {
        key: sectionKey, title, required, closed, fields, orderInUi, unknownRequired: [], propertyKeyOrder: [], schemaKeyOrder: [], uiKeyOrder: [],
        uiPresent: false, schemaExtra: {}, uiExtra: {},
      } as BuilderSection;
    });

const modelArb: fc.Arbitrary<BuilderModel> = fc
  .uniqueArray(key, { minLength: 1, maxLength: 4 })
  .chain((keys) => fc.tuple(fc.tuple(...keys.map(sectionArb)), fc.boolean(), fc.boolean(), optional(text)))
  .map(([sections, closed, orderInUi, title]) => ({
    title, closed, sections, orderInUi, unknownRequired: [], propertyKeyOrder: [], schemaKeyOrder: [], uiKeyOrder: [], schemaExtra: {}, uiExtra: { 'ui:submitButtonOptions': { norender: false } },
  }));

describe('the builder adapter loses nothing', () => {
  it('reads the shipped form into sections and fields and writes it back exactly', () => {
    const { model, document } = roundTrip(DEFAULT_APPLICATION_FORM.schema, DEFAULT_APPLICATION_FORM.uiSchema);
    expect(document).toEqual({ schema: DEFAULT_APPLICATION_FORM.schema, uiSchema: DEFAULT_APPLICATION_FORM.uiSchema });
    // The same text, key order included, so a diff after a builder save shows only real changes.
    expect(JSON.stringify(document.schema)).toBe(JSON.stringify(DEFAULT_APPLICATION_FORM.schema));
    expect(model.sections.map((s) => s.key)).toEqual(['applicant', 'contact', 'basicAccount']);
    expect(model.sections[0]!.fields.map((f) => [f.key, f.kind, f.required, f.prefill])).toEqual([
      ['name', 'text', true, 'enterprise.name'],
      ['uscc', 'uscc', true, 'enterprise.uscc'],
      ['legalRepresentative', 'text', true, 'enterprise.legal_representative'],
    ]);
    expect(model.sections.flatMap((s) => s.fields).some((f) => f.kind === 'custom')).toBe(false);
  });

  it('round-trips generated builder documents, choices and conditions included, and they are valid forms', () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        const document = fromBuilderModel(model);
        const again = roundTrip(document.schema, document.uiSchema);
        expect(again.document).toEqual(document);
        expect(again.model.sections.flatMap((s) => s.fields.map((f) => [f.key, f.kind, f.showWhen ?? null]))).toEqual(
          model.sections.flatMap((s) => s.fields.map((f) => [f.key, f.kind, f.showWhen ?? null])),
        );
      }),
      { numRuns: 300 },
    );
    // Compiling with ajv is slow; fewer documents show the builder writes valid forms.
    fc.assert(fc.property(modelArb, (model) => {
      expect(validateFormSchema(fromBuilderModel(model).schema)).toEqual({ ok: true });
    }), { numRuns: 40 });
  }, 120_000);

  it('keeps what it does not edit: unknown keywords, odd fields and foreign conditions stay verbatim', () => {
    const schema = {
      type: 'object',
      $comment: '平台备注',
      properties: {
        s: {
          type: 'object',
          description: '分组说明',
          required: ['b', 'a'],
          properties: {
            a: { type: 'integer', title: '整数' },
            b: { type: 'string', title: '带模式', pattern: '^\\d+$', default: 'x' },
            c: { type: 'object', properties: { d: { type: 'string' } } },
            e: { type: 'string', enum: ['x', 'y'] },
          },
          dependencies: { a: ['b'] },
        },
      },
    };
    const uiSchema = { 'ui:order': ['s'], s: { 'ui:order': ['*', 'a'], e: { 'ui:enumNames': ['甲', '乙'] }, a: {} } };
    const { model, document } = roundTrip(schema, uiSchema);
    expect(document).toEqual({ schema, uiSchema });
    expect(model.sections[0]!.fields.map((f) => f.kind)).toEqual(['custom', 'text', 'custom', 'text']);
  });

  it.each([
    ['a root that is not an object form', { type: 'string' }],
    ['a section that is a plain field', { type: 'object', properties: { x: { type: 'string' } } }],
  ])('opens %s in JSON with the reason', (_label, schema) => {
    const read = toBuilderModel(schema, {});
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toContain('请在 JSON 中编辑');
  });

  it('never loses anything on arbitrary JSON: it either reproduces the document or refuses it', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('type', 'title', 'properties', 'required', 'oneOf', 'const', 'items', 'ui:widget', 'ui:help', 'ui:options', 'prefill', 'a', 'b'), tie('value'), { maxKeys: 4 })),
    })).value;
    fc.assert(
      fc.property(json, json, (sections, ui) => {
        const schema = { type: 'object', properties: typeof sections === 'object' && sections && !Array.isArray(sections) ? sections : {} };
        const read = toBuilderModel(schema, ui);
        if (read.ok) expect(fromBuilderModel(read.model)).toEqual({ schema, uiSchema: ui });
      }),
      { numRuns: 300 },
    );
  });
});
