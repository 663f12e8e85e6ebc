import { z } from 'zod';
import { mobileCodeText, mobileNumber } from '../mobile-codes/mobile-code-fields';
import { passwordWeakness } from '../password-policy';

/** 忘记密码's second step as the server checks it, and the browser too (the page's resolver). */
export const resetPasswordSchema = z
  .object({
    phone: mobileNumber('手机号'),
    code: mobileCodeText,
    password: z
      .string({ error: '请设置新密码' })
      .min(1, { error: '请设置新密码' })
      .superRefine((password, ctx) => {
        const weakness = passwordWeakness(password);
        if (weakness) ctx.addIssue({ code: 'custom', message: weakness });
      }),
    confirmPassword: z.string({ error: '请再次输入新密码' }).min(1, { error: '请再次输入新密码' }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    message: '两次输入的密码不一致',
    when: (payload) => {
      const v = payload.value as { password?: unknown; confirmPassword?: unknown } | null;
      return typeof v?.password === 'string' && typeof v.confirmPassword === 'string';
    },
  });
