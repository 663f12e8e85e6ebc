import { bankAccountNumber, requiredText } from '@/lib/validation/fields';

/**
 * An enterprise's basic deposit account (基本存款账户) as a form or a command gives it, under the columns of
 * `enterprises`: the same rules whether a platform-created enterprise completes it or an operator corrects it.
 */
export const basicAccountInput = {
  basic_account_bank: requiredText('基本户开户银行', 100),
  basic_account_name: requiredText('基本户账户名称', 100),
  basic_account_number: bankAccountNumber('基本户账号'),
};

export const BASIC_ACCOUNT_COLUMNS = Object.keys(basicAccountInput) as (keyof typeof basicAccountInput)[];
