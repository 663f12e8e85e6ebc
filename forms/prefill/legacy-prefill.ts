import type { PrefillSource } from './prefill-sources';

/**
 * What every form prefilled before prefill was declared in the uiSchema. A form version saved before
 * then declares none, so it keeps exactly this; a version that declares any prefill gets only its own.
 */
export const LEGACY_PREFILL_UI_SCHEMA: Record<string, Record<string, { 'ui:options': { prefill: PrefillSource } }>> = {
  applicant: {
    name: { 'ui:options': { prefill: 'enterprise.name' } },
    uscc: { 'ui:options': { prefill: 'enterprise.uscc' } },
    legalRepresentative: { 'ui:options': { prefill: 'enterprise.legal_representative' } },
  },
  contact: {
    name: { 'ui:options': { prefill: 'enterprise.contact_name' } },
    mobile: { 'ui:options': { prefill: 'enterprise.contact_phone' } },
    email: { 'ui:options': { prefill: 'enterprise.email' } },
  },
  basicAccount: {
    bank: { 'ui:options': { prefill: 'enterprise.basic_account_bank' } },
    name: { 'ui:options': { prefill: 'enterprise.basic_account_name' } },
    number: { 'ui:options': { prefill: 'enterprise.basic_account_number' } },
  },
};
