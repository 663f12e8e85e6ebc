'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
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
      setError(
        result?.error === 'RATE_LIMITED'
          ? '登录失败次数过多，请 15 分钟后再试'
          : result?.status === 401 || result?.error === 'CredentialsSignin'
            ? '手机号或密码错误'
            : '登录失败，请稍后重试',
      );
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
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
