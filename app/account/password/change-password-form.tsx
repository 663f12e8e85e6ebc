'use client';

import { signOut } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import { changePassword } from './actions';

const FIELDS = [
  { name: 'currentPassword', label: '当前密码', autoComplete: 'current-password' },
  { name: 'newPassword', label: '新密码', autoComplete: 'new-password' },
  { name: 'confirmPassword', label: '确认新密码', autoComplete: 'new-password' },
] as const;

/**
 * The three fields and 【修改密码】. The server checks everything again (current password, policy, same as
 * before); on success every session of the account has ended, this one too, so the page signs out and
 * goes to the sign-in page, which says the password was changed.
 */
export function ChangePasswordForm() {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = Object.fromEntries(FIELDS.map(({ name }) => [name, String(form.get(name) ?? '')]));
    const missing = FIELDS.find(({ name }) => !input[name]);
    if (missing) {
      setFieldErrors({ [missing.name]: `请输入${missing.label}` });
      return setError(`请输入${missing.label}`);
    }
    if (input.newPassword !== input.confirmPassword) {
      setFieldErrors({ confirmPassword: '两次输入的新密码不一致' });
      return setError('两次输入的新密码不一致');
    }
    setPending(true);
    setError(null);
    setFieldErrors({});
    const result = await changePassword(input);
    if (!result.ok) {
      setPending(false);
      setFieldErrors(result.fieldErrors ?? {});
      setError(result.message.replace(/^提交的信息有误：/, ''));
      return;
    }
    await signOut({ callbackUrl: '/login?changed=1' });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      {FIELDS.map(({ name, label, autoComplete }) => (
        <div key={name} className="field">
          <label htmlFor={`password-${name}`}>{label}</label>
          <input
            id={`password-${name}`}
            className="input"
            name={name}
            type="password"
            autoComplete={autoComplete}
            maxLength={128}
            aria-invalid={fieldErrors[name] ? true : undefined}
            aria-describedby={fieldErrors[name] ? `password-${name}-error` : undefined}
            placeholder={name === 'newPassword' ? `至少 ${MIN_PASSWORD_LENGTH} 位，含字母、数字、符号中的至少两类` : `请输入${label}`}
          />
          {fieldErrors[name] && (
            <span id={`password-${name}-error`} className="field__error">
              {fieldErrors[name]}
            </span>
          )}
        </div>
      ))}
      <button className="btn" type="submit" disabled={pending}>
        {pending ? '提交中…' : '修改密码'}
      </button>
    </form>
  );
}
