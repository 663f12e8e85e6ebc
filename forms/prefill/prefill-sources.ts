/**
 * The enterprise profile fields a form may prefill, declared on a field of the uiSchema as
 * `"ui:options": { "prefill": "enterprise.name" }`. The platform already knows them, so the bidder need
 * not type them again; the list is defined here once for the builder, the shipped form and the server.
 */
export const PREFILL_SOURCES = {
  'enterprise.name': { label: '企业名称', column: 'name' },
  'enterprise.uscc': { label: '统一社会信用代码', column: 'uscc' },
  'enterprise.legal_representative': { label: '法定代表人', column: 'legal_representative' },
  'enterprise.contact_name': { label: '联系人姓名', column: 'contact_name' },
  'enterprise.contact_phone': { label: '联系人手机号', column: 'contact_phone' },
  'enterprise.email': { label: '电子邮箱', column: 'email' },
  'enterprise.basic_account_bank': { label: '基本户开户银行', column: 'basic_account_bank' },
  'enterprise.basic_account_name': { label: '基本户账户名称', column: 'basic_account_name' },
  'enterprise.basic_account_number': { label: '基本户账号', column: 'basic_account_number' },
} as const;

export type PrefillSource = keyof typeof PREFILL_SOURCES;

/** The profile as prefill reads it: one value per enterprise column named above. */
export type PrefillProfile = { [K in PrefillSource as (typeof PREFILL_SOURCES)[K]['column']]: string | null | undefined };

/** The uiSchema option key carrying a field's prefill source. */
export const PREFILL_OPTION = 'prefill';

export const isPrefillSource = (value: unknown): value is PrefillSource => typeof value === 'string' && Object.hasOwn(PREFILL_SOURCES, value);
