import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getRuleSetCatalog, RULE_SET_KEYS } from '../catalog/rule-set-catalogs';
import { DEFAULT_RULE_DOCUMENTS } from '../defaults/default-rule-documents';
import { validateRuleDocument } from '../validate-rule-document';
import { fromBuilderModel } from './from-builder-model';
import { toBuilderModel } from './to-builder-model';
import { findUnsupportedConstructs } from './unsupported-constructs';

const roundTrip = (document: unknown) => {
  const result = toBuilderModel(document);
  if (!result.ok) throw new Error(result.reason);
  return fromBuilderModel(result.model);
};

/** Any json-rules-engine-shaped document, including what our validator refuses: the adapter must carry it all. */
const jsonScalar = fc.oneof(fc.boolean(), fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 50 }), fc.constant(null));
const extraKeys = fc.dictionary(fc.constantFrom('path', 'params', 'note', '__proto__', 'x'), fc.oneof(jsonScalar, fc.dictionary(fc.string({ maxLength: 3 }), jsonScalar, { maxKeys: 2 })), { maxKeys: 2 });
const meta = fc.record({ name: fc.string({ maxLength: 8 }), priority: fc.integer({ min: 1, max: 9 }) }, { requiredKeys: [] });
const factName = fc.constantFrom('bidOpened', 'medium', 'invoiceType', 'projectStatus', 'unknownFact');
const operator = fc.constantFrom('equal', 'notEqual', 'in', 'notIn', 'greaterThan', 'contains');

const { node } = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('fact'),
    tie('all'),
    tie('any'),
    tie('not'),
    fc.record({ condition: fc.string({ maxLength: 6 }) }).chain((r) => meta.map((m) => ({ ...r, ...m }))),
    jsonScalar,
  ),
  fact: fc
    .record({
      fact: factName,
      operator,
      value: fc.oneof(jsonScalar, fc.array(jsonScalar, { maxLength: 3 }), fc.record({ fact: factName, path: fc.constant('$.a') }, { requiredKeys: ['fact'] })),
    })
    .chain((c) => fc.tuple(meta, extraKeys).map(([m, e]) => ({ ...c, ...m, ...e }))),
  all: fc.tuple(fc.array(tie('node'), { maxLength: 3 }), meta).map(([all, m]) => ({ all, ...m })),
  any: fc.tuple(fc.oneof(fc.array(tie('node'), { maxLength: 3 }), jsonScalar), meta).map(([any, m]) => ({ any, ...m })),
  not: fc.tuple(tie('node'), meta).map(([not, m]) => ({ not, ...m })),
}));

const event = fc.oneof(
  fc.record({ type: fc.constantFrom('allowed', 'refused', 'x'), params: fc.dictionary(fc.constantFrom('reason', 'clause'), jsonScalar, { maxKeys: 2 }) }, { requiredKeys: ['type'] }),
  jsonScalar,
);
const rule = fc
  .record({ name: fc.string({ maxLength: 10 }), priority: fc.integer({ min: 1, max: 50 }), conditions: node, event }, { requiredKeys: [] })
  .chain((r) => fc.dictionary(fc.constantFrom('onSuccess', 'comment'), jsonScalar, { maxKeys: 1 }).map((e) => ({ ...r, ...e })));
const document = fc.array(rule, { maxLength: 4 });

describe('document → builder model → document', () => {
  it.each(RULE_SET_KEYS)('leaves the shipped %s rules exactly as they are', (key) => {
    const shipped = DEFAULT_RULE_DOCUMENTS[key];
    expect(roundTrip(shipped)).toEqual(shipped);
    // The same bytes, key order included, so saving an untouched document changes nothing in a diff.
    expect(JSON.stringify(roundTrip(shipped))).toBe(JSON.stringify(shipped));
  });

  it('shows the shipped rules in the visual editor without a construct it cannot show', () => {
    for (const key of RULE_SET_KEYS) {
      const result = toBuilderModel(DEFAULT_RULE_DOCUMENTS[key]);
      expect(result.ok && findUnsupportedConstructs(result.model, getRuleSetCatalog(key))).toEqual([]);
    }
  });

  it('loses nothing for 500 generated documents, including paths, params, fact references and condition references', () => {
    fc.assert(
      fc.property(document, (doc) => {
        const parsed = JSON.parse(JSON.stringify(doc)) as unknown;
        expect(roundTrip(parsed)).toEqual(parsed);
      }),
      { numRuns: 500, seed: 20261201 },
    );
  });

  it('keeps what json-rules-engine allows and our validator refuses, and says why the builder cannot show it', () => {
    const doc = [
      {
        name: 'r',
        conditions: {
          all: [
            { fact: 'medium', operator: 'equal', value: 'paper', path: '$.kind' },
            { fact: 'medium', operator: 'equal', value: { fact: 'invoiceType' } },
            { condition: 'sharedCheck' },
            { not: { fact: 'bidOpened', operator: 'equal', value: true } },
            { not: { any: [{ fact: 'bidOpened', operator: 'equal', value: true }], name: 'inner' }, name: 'outer' },
          ],
        },
        event: { type: 'allowed' },
      },
    ];
    expect(roundTrip(doc)).toEqual(doc);
    const result = toBuilderModel(doc);
    const notes = result.ok ? findUnsupportedConstructs(result.model, getRuleSetCatalog('invoice-type')) : [];
    expect(notes.join('\n')).toMatch(/path（事实路径）/);
    expect(notes.join('\n')).toMatch(/与另一个事实「invoiceType」比较/);
    expect(notes.join('\n')).toMatch(/引用了共享条件 "sharedCheck"/);
  });

  it('has no model for a document that is not an array of rule objects', () => {
    expect(toBuilderModel({ rules: [] })).toMatchObject({ ok: false });
    expect(toBuilderModel([1])).toMatchObject({ ok: false, reason: expect.stringContaining('第 1 条规则不是对象') });
  });

  it('writes only documents the validator accepts when it starts from one the validator accepted', () => {
    for (const key of RULE_SET_KEYS) {
      const result = toBuilderModel(DEFAULT_RULE_DOCUMENTS[key]);
      if (!result.ok) throw new Error(result.reason);
      expect(validateRuleDocument({ ruleSetKey: key, value: fromBuilderModel(result.model) }).ok).toBe(true);
    }
  });
});
