import { z } from 'zod';
import { MOBILE_CODE_RULES } from './mobile-code-rules';

/** An 11-digit mainland mobile number: what accounts sign in with and codes are sent to. */
export const mobileNumber = (label = '手机号') =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .regex(/^1[3-9]\d{9}$/, { error: `${label}应为 11 位中国大陆手机号` });

/** The code as typed: six digits (spaces around it dropped). */
export const mobileCodeText = z
  .string({ error: '请填写短信验证码' })
  .trim()
  .min(1, { error: '请填写短信验证码' })
  .regex(new RegExp(`^\\d{${MOBILE_CODE_RULES.digits}}$`), { error: `短信验证码为 ${MOBILE_CODE_RULES.digits} 位数字` });
