'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { signInErrorMessage } from './sign-in-error-message';

type Props = { callbackUrl: string; csrfToken: string; initialError: string | null };

/**
 * Posts to next-auth, never by GET: submitted before the page has hydrated (or without JavaScript), the
 * browser sends the form itself and the password stays in the request body. Once hydrated, the same
 * form signs in without leaving the page.
 */
export function LoginForm({ callbackUrl, csrfToken, initialError }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const phone = String(form.get('phone') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!/^1[3-9]\d{9}$/.test(phone)) return setError('请输入正确的 11 位手机号');
    if (!password) return setError('请输入密码');
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { phone, password, redirect: false });
    if (!result || result.error) {
      setPending(false);
      setError(signInErrorMessage(result?.error ?? 'unknown', result?.status));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form method="post" action="/api/auth/callback/credentials" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      <label className="field">
        手机号
        <input className="input" name="phone" type="tel" inputMode="numeric" autoComplete="username" maxLength={11} placeholder="请输入手机号" />
      </label>
      <label className="field">
        密码
        <input className="input" name="password" type="password" autoComplete="current-password" placeholder="请输入密码" />
      </label>
      <button className="btn" type="submit" disabled={pending}>
        {pending ? '登录中…' : '登录'}
      </button>
    </form>
  );
}
