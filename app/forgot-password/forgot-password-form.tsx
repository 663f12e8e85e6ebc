'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useForm, type FieldErrors, type FieldPath, type Resolver } from 'react-hook-form';
import { FormField } from '@/app/_components/form-field';
import { SendCodeButton } from '@/app/_components/send-code-button';
import { resetPasswordSchema } from '@/lib/auth/forgotten-password/reset-forgotten-password-schema';
import { mobileNumber } from '@/lib/auth/mobile-codes/mobile-code-fields';
import { resetPassword, sendPasswordResetCode } from './actions';

type Values = { phone: string; code: string; password: string; confirmPassword: string };

const NETWORK = { ok: false as const, code: 'NETWORK', message: '网络异常或页面已过期，请刷新后重试', fieldErrors: undefined };

/** The server's schema as react-hook-form's resolver, so the page says what the server would. */
const resolver: Resolver<Values> = (values) => {
  const parsed = resetPasswordSchema.safeParse(values);
  if (parsed.success) return { values, errors: {} };
  const errors: Record<string, { type: string; message: string }> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'root')] ??= { type: 'validate', message: issue.message };
  return { values: {}, errors: errors as FieldErrors<Values> };
};

export function ForgotPasswordForm() {
  const { register, handleSubmit, getValues, setError: setFieldError, clearErrors, formState } = useForm<Values>({
    defaultValues: { phone: '', code: '', password: '', confirmPassword: '' },
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onBlur',
  });
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const errors = formState.errors;

  async function sendCode(): Promise<number | null> {
    setNotice(null);
    clearErrors('phone');
    const phone = mobileNumber('手机号').safeParse(getValues('phone'));
    if (!phone.success) {
      setFieldError('phone', { type: 'validate', message: phone.error.issues[0]?.message ?? '请填写手机号' });
      return null;
    }
    const result = await sendPasswordResetCode({ phone: phone.data }).catch(() => NETWORK);
    if (!result.ok) {
      setFieldError(result.fieldErrors?.phone ? 'phone' : 'code', { type: 'server', message: result.fieldErrors?.phone ?? result.message });
      return null;
    }
    setNotice(result.value.message);
    return result.value.resendAfterSeconds;
  }

  if (done) {
    return (
      <section className="result" role="status" aria-label="重设结果">
        <h2>密码已重设</h2>
        <p>请使用新密码登录。</p>
        <Link className="btn" href="/login">
          去登录
        </Link>
      </section>
    );
  }

  return (
    <form
      noValidate
      aria-label="重设密码"
      onSubmit={(event) => {
        setError(null);
        void handleSubmit(async (values) => {
          setPending(true);
          const result = await resetPassword(values).catch(() => NETWORK);
          setPending(false);
          if (result.ok) return setDone(true);
          setError(result.message);
          for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
            setFieldError(field === '_' ? 'root' : (field as FieldPath<Values>), { type: 'server', message });
          }
        })(event);
      }}
    >
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      <FormField id="reset-phone" label="手机号" type="tel" inputMode="numeric" maxLength={11} autoComplete="username" error={errors.phone?.message} {...register('phone')} />
      <FormField
        id="reset-code"
        label="短信验证码"
        inputMode="numeric"
        maxLength={6}
        autoComplete="one-time-code"
        placeholder="6 位数字"
        error={errors.code?.message}
        help={notice ?? undefined}
        addon={<SendCodeButton send={sendCode} disabled={!ready} />}
        {...register('code')}
      />
      <FormField
        id="reset-password"
        label="新密码"
        type="password"
        autoComplete="new-password"
        placeholder="至少 10 位，含字母、数字、符号中的两类"
        error={errors.password?.message}
        {...register('password')}
      />
      <FormField id="reset-confirmPassword" label="确认新密码" type="password" autoComplete="new-password" error={errors.confirmPassword?.message} {...register('confirmPassword')} />
      <div className="actions" style={{ justifyContent: 'flex-start' }}>
        <button type="submit" className="btn btn--large" disabled={!ready || pending}>
          {pending ? '提交中…' : '重设密码'}
        </button>
      </div>
    </form>
  );
}
