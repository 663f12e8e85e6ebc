import { describe, expect, it } from 'vitest';
import { DEFAULT_APPLICATION_FORM } from '../defaults/default-application-form';
import { validateFormData } from '../validate-form-data';
import { addField, checkFieldKey, moveField, removeField, updateField } from './edit-builder-model';
import { fromBuilderModel } from './from-builder-model';
import { toBuilderModel } from './to-builder-model';
import type { RJSFSchema } from '@rjsf/utils';

const shipped = () => {
  const read = toBuilderModel(DEFAULT_APPLICATION_FORM.schema, DEFAULT_APPLICATION_FORM.uiSchema);
  if (!read.ok) throw new Error(read.reason);
  return read.model;
};

describe('builder edits', () => {
  it('adds a labelled choice with a conditional note, moves it to the top, and the server holds bidders to it', () => {
    let { model, key } = addField(shipped(), 'applicant', 'select', '企业类型');
    const choice = model.sections[0]!.fields.find((f) => f.key === key)!;
    model = updateField(model, 'applicant', key, {
      ...choice, key: 'enterpriseType', required: true,
      options: [{ value: 'state', label: '国有企业' }, { value: 'private', label: '民营企业' }, { value: 'other', label: '其他' }],
    });
    const added = addField(model, 'applicant', 'text', '其他说明');
    model = updateField(added.model, 'applicant', added.key, { ...added.model.sections[0]!.fields.at(-1)!, key: 'otherNote', required: true, showWhen: { field: 'enterpriseType', equals: 'other' } });
    for (let i = 0; i < 3; i++) model = moveField(model, 'applicant', 'enterpriseType', -1);
    const { schema, uiSchema } = fromBuilderModel(model);
    expect((uiSchema.applicant as { 'ui:order': string[] })['ui:order']).toEqual(['enterpriseType', 'name', 'uscc', 'legalRepresentative', 'otherNote']);
    const applicant = (schema.properties as Record<string, { properties: Record<string, unknown>; required: string[] }>).applicant!;
    expect(applicant.properties.enterpriseType).toEqual({
      title: '企业类型', type: 'string', oneOf: [{ const: 'state', title: '国有企业' }, { const: 'private', title: '民营企业' }, { const: 'other', title: '其他' }],
    });
    expect(applicant.required).toEqual(['name', 'uscc', 'legalRepresentative', 'enterpriseType']);

    const base = { applicant: { name: '新疆天山建设工程有限公司', uscc: '91650100712345678G', legalRepresentative: '王建国' }, contact: { name: '李明', mobile: '13900000001', email: 'a@b.cn' }, basicAccount: { bank: '工商银行', name: '新疆天山', number: '3002012309024567812' } };
    const check = (applicantExtra: object) => validateFormData(schema as RJSFSchema, { ...base, applicant: { ...base.applicant, ...applicantExtra } });
    expect(check({})).toMatchObject({ ok: false, fieldErrors: { 'applicant.enterpriseType': '此项为必填项' } });
    expect(check({ enterpriseType: 'state' })).toEqual({ ok: true });
    // Only the note is named, not the choice it depends on.
    expect(check({ enterpriseType: 'other' })).toEqual({ ok: false, fieldErrors: { 'applicant.otherNote': '此项为必填项' } });
    expect(check({ enterpriseType: 'other', otherNote: '合伙企业' })).toEqual({ ok: true });
    expect(check({ enterpriseType: 'state', junk: 1 }).ok).toBe(false);

    // Deleting the choice drops the condition that named it; renaming carries it along.
    const renamed = updateField(model, 'applicant', 'enterpriseType', { ...model.sections[0]!.fields[0]!, key: 'kind' });
    expect(renamed.sections[0]!.fields.at(-1)!.showWhen).toEqual({ field: 'kind', equals: 'other' });
    expect(removeField(model, 'applicant', 'enterpriseType').sections[0]!.fields.at(-1)!.showWhen).toBeUndefined();
  });

  it('checks keys: ASCII, starting with a letter, unique in the section', () => {
    const section = shipped().sections[0]!;
    expect(checkFieldKey(section, 'projectManager')).toBeNull();
    expect(checkFieldKey(section, 'name')).toContain('同名');
    expect(checkFieldKey(section, 'name', 'name')).toBeNull();
    expect(checkFieldKey(section, '企业')).toContain('英文字母');
    expect(checkFieldKey(section, '1abc')).toContain('英文字母');
  });
});
