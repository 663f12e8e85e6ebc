import { describe, expect, it } from 'vitest';
import { DEFAULT_APPLICATION_FORM } from '../defaults/default-application-form';
import { buildFormPrefill, buildPrefill, withDeclaredPrefill } from './build-prefill';
import type { PrefillProfile } from './prefill-sources';

const profile: PrefillProfile = {
  name: '新疆天山建设工程有限公司', uscc: '91650100712345678G', legal_representative: '王建国', contact_name: '李明',
  contact_phone: '13900000001', email: 'bid@example.cn', basic_account_bank: '工行', basic_account_name: '新疆天山建设工程有限公司',
  basic_account_number: '3002012309024567812',
};

const asToday = {
  applicant: { name: profile.name, uscc: profile.uscc, legalRepresentative: profile.legal_representative },
  contact: { name: profile.contact_name, mobile: profile.contact_phone, email: profile.email },
  basicAccount: { bank: profile.basic_account_bank, name: profile.basic_account_name, number: profile.basic_account_number },
};

describe('prefill from the enterprise profile', () => {
  it('is declared by the shipped form exactly as it was hard-coded before', () => {
    expect(buildPrefill(DEFAULT_APPLICATION_FORM.uiSchema, profile)).toEqual(asToday);
  });

  it('follows a form that moves or drops a prefilled field, and ignores unknown sources', () => {
    const uiSchema = { company: { title: { 'ui:options': { prefill: 'enterprise.name' } }, x: { 'ui:options': { prefill: 'enterprise.password' } } } };
    expect(buildFormPrefill(uiSchema, profile)).toEqual({ company: { title: profile.name } });
  });

  it('keeps the old prefill for a version saved before forms declared it', () => {
    const { applicant, contact, basicAccount } = DEFAULT_APPLICATION_FORM.uiSchema as Record<string, Record<string, Record<string, unknown>>>;
    const strip = (section: Record<string, Record<string, unknown>>) => Object.fromEntries(Object.entries(section).map(([k, { 'ui:options': _o, ...rest }]) => [k, rest]));
    expect(buildFormPrefill({ applicant: strip(applicant!), contact: strip(contact!), basicAccount: strip(basicAccount!) }, profile)).toEqual(asToday);
  });
});

describe('a draft copied from a form version from before declared prefill', () => {
  it('shows the prefill that version always had, and keeps the uiSchema it had otherwise', () => {
    const old = { 'ui:order': ['applicant', 'contact', 'basicAccount'], applicant: { uscc: { 'ui:help': '须与营业执照一致' } } };
    const stamped = withDeclaredPrefill(old) as Record<string, Record<string, Record<string, unknown>>>;
    expect(stamped['ui:order']).toEqual(old['ui:order']);
    expect(stamped.applicant!.uscc).toEqual({ 'ui:help': '须与营业执照一致', 'ui:options': { prefill: 'enterprise.uscc' } });
    expect(stamped.basicAccount!.number).toEqual({ 'ui:options': { prefill: 'enterprise.basic_account_number' } });
    // What it prefills is what the old version prefilled without declaring anything.
    expect(buildPrefill(stamped, profile)).toEqual(buildFormPrefill(old, profile));
  });

  it('leaves a uiSchema that declares any prefill as it is', () => {
    const declared = { contact: { email: { 'ui:options': { prefill: 'enterprise.email' } } } };
    expect(withDeclaredPrefill(declared)).toBe(declared);
  });
});
