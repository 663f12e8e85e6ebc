import { z } from 'zod';
import type { Enterprise } from '@/db/database';
import { isCnMobile } from '@/forms/formats/cn-mobile';
import { isValidUscc } from '@/forms/formats/uscc';
import { bankAccountNumber, requiredText } from '@/lib/validation/fields';

/**
 * What an enterprise says about itself (企业信息), as the bidder corrects it after 认证未通过. The same
 * checks as the application form's (forms/formats), so an enterprise that passes review is never refused
 * by its own prefilled form.
 */
export const enterpriseDetailsSchema = z.object({
  name: requiredText('企业名称', 100).pipe(z.string().min(2, { error: '企业名称至少 2 个字' })),
  uscc: z
    .string({ error: '请填写统一社会信用代码' })
    .trim()
    .toUpperCase()
    .refine(isValidUscc, { error: '统一社会信用代码无效：应为 18 位数字或大写字母，且校验位正确' }),
  legalRepresentative: requiredText('法定代表人', 50),
  contactName: requiredText('联系人', 50),
  contactPhone: z
    .string({ error: '请填写联系人手机号' })
    .trim()
    .refine(isCnMobile, { error: '请输入 11 位中国大陆手机号' }),
  email: z.email({ error: '请填写有效的电子邮箱' }).max(100, { error: '电子邮箱不能超过 100 个字符' }),
  basicAccountBank: requiredText('基本户开户银行', 100),
  basicAccountName: requiredText('基本户账户名称', 100),
  basicAccountNumber: bankAccountNumber('基本户账号'),
});

export type EnterpriseDetails = z.output<typeof enterpriseDetailsSchema>;

/** The enterprise's columns for its details. */
export function detailColumns(details: EnterpriseDetails) {
  return {
    name: details.name,
    uscc: details.uscc,
    legal_representative: details.legalRepresentative,
    contact_name: details.contactName,
    contact_phone: details.contactPhone,
    email: details.email,
    basic_account_bank: details.basicAccountBank,
    basic_account_name: details.basicAccountName,
    basic_account_number: details.basicAccountNumber,
  };
}

/** The details as the correction form starts from: what the enterprise registered. */
export function detailsOf(enterprise: Enterprise): EnterpriseDetails {
  return {
    name: enterprise.name,
    uscc: enterprise.uscc,
    legalRepresentative: enterprise.legal_representative,
    contactName: enterprise.contact_name,
    contactPhone: enterprise.contact_phone,
    email: enterprise.email,
    basicAccountBank: enterprise.basic_account_bank,
    basicAccountName: enterprise.basic_account_name,
    basicAccountNumber: enterprise.basic_account_number,
  };
}
