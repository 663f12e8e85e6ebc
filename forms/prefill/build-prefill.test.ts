import { describe, expect, it } from 'vitest';
import { DEFAULT_APPLICATION_FORM } from '../defaults/default-application-form';
import { buildFormPrefill, buildPrefill } from './build-prefill';
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
