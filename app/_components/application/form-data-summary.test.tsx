import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_APPLICATION_FORM } from '@/forms/defaults/default-application-form';
import { VALID_APPLICATION } from '@/forms/fixtures/application-submissions';
import { FormDataSummary } from './form-data-summary';

/** The shipped form with a labelled choice, a conditional note, a multi-choice, yes/no and an amount. */
const schema = structuredClone(DEFAULT_APPLICATION_FORM.schema) as Record<string, any>;
schema.properties.applicant.properties.kind = { title: '企业类型', type: 'string', oneOf: [{ const: 'state', title: '国有企业' }, { const: 'private', title: '民营企业' }, { const: 'other', title: '其他' }] };
schema.properties.applicant.dependencies = {
  kind: { oneOf: [{ properties: { kind: { const: 'other' }, otherNote: { title: '其他说明', type: 'string' } }, required: ['otherNote'] }, { properties: { kind: { not: { enum: ['other'] } } } }] },
};
schema.properties.applicant.properties.scopes = { title: '资质', type: 'array', uniqueItems: true, items: { type: 'string', oneOf: [{ const: 'a', title: '施工总承包' }, { const: 'b', title: '专业承包' }] } };
schema.properties.applicant.properties.smallBusiness = { title: '是否小微企业', type: 'boolean' };
schema.properties.applicant.properties.capital = { title: '注册资本（元）', type: 'number', multipleOf: 0.01 };
const uiSchema = { ...DEFAULT_APPLICATION_FORM.uiSchema, applicant: { ...(DEFAULT_APPLICATION_FORM.uiSchema.applicant as object), 'ui:order': ['kind', 'otherNote', '*'] } };

const render = (data: Record<string, unknown>) =>
  [...renderToStaticMarkup(<FormDataSummary schema={schema} uiSchema={uiSchema} data={data} />).matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map((m) => [m[1], m[2]]);

describe('the order summary', () => {
  it('shows choices by their Chinese labels, in the order of the form, with the conditional field when shown', () => {
    const rows = render({ ...VALID_APPLICATION, applicant: { ...VALID_APPLICATION.applicant, kind: 'other', otherNote: '合伙企业', scopes: ['b', 'a'], smallBusiness: true, capital: 1234567.5 } });
    expect(rows.slice(0, 3)).toEqual([['企业类型', '其他'], ['其他说明', '合伙企业'], ['企业名称', VALID_APPLICATION.applicant.name]]);
    expect(rows).toContainEqual(['资质', '专业承包、施工总承包']);
    expect(rows).toContainEqual(['是否小微企业', '是']);
    expect(rows).toContainEqual(['注册资本（元）', '¥1,234,567.50']);
  });

  it('leaves out a conditional field that is not shown', () => {
    const rows = render({ ...VALID_APPLICATION, applicant: { ...VALID_APPLICATION.applicant, kind: 'state' } });
    expect(rows[0]).toEqual(['企业类型', '国有企业']);
    expect(rows.map((r) => r[0])).not.toContain('其他说明');
  });

  it('follows the root ui:order and still reads an old enum + ui:enumNames form', () => {
    const legacy = { type: 'object', properties: { s: { type: 'object', properties: { a: { title: 'A', type: 'string', enum: ['x', 'y'] }, b: { title: 'B', type: 'string' } } } } };
    const rows = [...renderToStaticMarkup(<FormDataSummary schema={legacy as never} uiSchema={{ s: { 'ui:order': ['b', 'a'], a: { 'ui:enumNames': ['甲', '乙'] } } }} data={{ s: { a: 'y', b: 'z' } }} />).matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([['B', 'z'], ['A', '乙']]);
  });
});
