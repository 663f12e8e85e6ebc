import { isBankAccount } from './formats/bank-account';
import { isCnMobile } from './formats/cn-mobile';
import { isValidUscc } from './formats/uscc';

/** The JSON Schema `format`s our forms may use, the same functions in the browser and on the server. */
export const customFormats = {
  uscc: isValidUscc,
  'cn-mobile': isCnMobile,
  'bank-account': isBankAccount,
} as const;

/** Chinese messages for our formats; ajv's own would only say "应当匹配格式 uscc". */
export const FORMAT_MESSAGES: Record<string, string> = {
  uscc: '统一社会信用代码无效：应为 18 位数字或大写字母，且校验位正确',
  'cn-mobile': '请输入 11 位中国大陆手机号',
  'bank-account': '银行账号应为 8 至 32 位数字（不含空格）',
  email: '请输入有效的电子邮箱地址',
};
