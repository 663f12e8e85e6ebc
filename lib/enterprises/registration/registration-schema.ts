import { z } from 'zod';
import { passwordWeakness } from '@/lib/auth/password-policy';
import { mobileCodeText, mobileNumber } from '@/lib/auth/mobile-codes/mobile-code-fields';
import { DomainError, type FieldErrors } from '@/lib/errors/domain-error';
import { bankAccountNumber, contactPhone, requiredText } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { normalizeUscc, usccProblem } from '../uscc';

/*
 * 企业注册 as the server checks it — and the browser too (app/register runs this as react-hook-form's
 * resolver), so a field is told the same Chinese in both places.
 */

export const usccField = z
  .string({ error: '请填写统一社会信用代码' })
  .transform(normalizeUscc)
  .superRefine((code, ctx) => {
    const problem = code ? usccProblem(code) : '请填写统一社会信用代码';
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const newPassword = z
  .string({ error: '请设置密码' })
  .min(1, { error: '请设置密码' })
  .superRefine((password, ctx) => {
    const weakness = passwordWeakness(password);
    if (weakness) ctx.addIssue({ code: 'custom', message: weakness });
  });

/** The registering person: always asked, whether the enterprise is new or joined. */
const personShape = {
  uscc: usccField,
  personName: requiredText('姓名', 50),
  phone: mobileNumber('手机号'),
  password: newPassword,
  confirmPassword: z.string({ error: '请再次输入密码' }).min(1, { error: '请再次输入密码' }),
  code: mobileCodeText,
};

/** The enterprise: asked only when its USCC is new to the platform. */
const enterpriseShape = {
  enterpriseName: requiredText('企业名称', 100),
  legalRepresentative: requiredText('法定代表人', 50),
  contactName: requiredText('联系人', 50),
  contactPhone: contactPhone('联系电话'),
  email: z
    .string({ error: '请填写电子邮箱' })
    .trim()
    .min(1, { error: '请填写电子邮箱' })
    .max(100, { error: '电子邮箱不能超过 100 个字符' })
    .pipe(z.email({ error: '请输入有效的电子邮箱地址' })),
  basicAccountBank: requiredText('基本户开户银行', 100),
  basicAccountName: requiredText('基本户户名', 100),
  basicAccountNumber: bankAccountNumber('基本户账号'),
  regionId: z.string({ error: '请选择所属区域' }).regex(/^\d{6}$/, { error: '请选择所属区域' }),
};

/** Told beside 确认密码 even while other fields are still wrong, so one try shows every problem. */
function sameTwice<T extends z.ZodObject>(schema: T) {
  return schema.refine((v) => (v as { password?: unknown }).password === (v as { confirmPassword?: unknown }).confirmPassword, {
    path: ['confirmPassword'],
    message: '两次输入的密码不一致',
    when: (payload) => {
      const v = payload.value as { password?: unknown; confirmPassword?: unknown } | null;
      return typeof v?.password === 'string' && typeof v.confirmPassword === 'string';
    },
  });
}

const joinSchema = sameTwice(z.object(personShape));
const newEnterpriseSchema = sameTwice(z.object({ ...personShape, ...enterpriseShape }));

export type JoinRegistration = z.output<typeof joinSchema>;
export type NewEnterpriseRegistration = z.output<typeof newEnterpriseSchema>;

/** Every field the page sends, as typed. */
export type RegistrationValues = Record<keyof typeof personShape | keyof typeof enterpriseShape, string>;

export const REGISTRATION_FIELD_LABELS: Record<keyof RegistrationValues, string> = {
  enterpriseName: '企业名称',
  uscc: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  contactName: '联系人',
  contactPhone: '联系电话',
  email: '电子邮箱',
  basicAccountBank: '基本户开户银行',
  basicAccountName: '基本户户名',
  basicAccountNumber: '基本户账号',
  regionId: '所属区域',
  personName: '姓名',
  phone: '手机号',
  password: '密码',
  confirmPassword: '确认密码',
  code: '短信验证码',
};

/**
 * A registration for an enterprise already on the platform (`joining`) is a request to join it: only the
 * person's fields are read, and the enterprise's are dropped unread. Otherwise every field is required.
 */
export function parseRegistration(input: unknown, joining: true): JoinRegistration;
export function parseRegistration(input: unknown, joining: false): NewEnterpriseRegistration;
export function parseRegistration(input: unknown, joining: boolean): JoinRegistration | NewEnterpriseRegistration;
export function parseRegistration(input: unknown, joining: boolean) {
  return parseInput(joining ? joinSchema : newEnterpriseSchema, input);
}

/** The same check as field errors (null when the registration is complete), for the browser's form. */
export function registrationFieldErrors(input: unknown, joining: boolean): FieldErrors | null {
  try {
    parseRegistration(input, joining);
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.fieldErrors ?? { _: error.message };
    throw error;
  }
}
