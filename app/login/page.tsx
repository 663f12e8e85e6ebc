import Link from 'next/link';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/current-actor';
import { safeCallbackPath } from '@/lib/http/safe-callback-path';
import { LoginForm } from './login-form';
import { signInErrorMessage } from './sign-in-error-message';

export const metadata = { title: '登录 - 电子保函服务平台' };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; changed?: string }> };

// next-auth's CSRF cookie is `<token>|<hash>`; the form posts the token back. The cookie is named with
// the __Host- prefix when the site runs on https.
const CSRF_COOKIES = ['__Host-next-auth.csrf-token', 'next-auth.csrf-token'];

/**
 * next-auth hands the callback back as an absolute URL of this site (e.g. after it asked a form posted
 * without its CSRF token to sign in again); only its path is kept, and only when it names this host.
 */
function ownPath(callbackUrl: string | undefined, host: string | null): string | undefined {
  if (!callbackUrl || !host || !/^https?:\/\//i.test(callbackUrl)) return callbackUrl;
  try {
    const url = new URL(callbackUrl);
    return url.host === host ? `${url.pathname}${url.search}${url.hash}` : undefined;
  } catch {
    return undefined;
  }
}

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, error, changed } = await searchParams;
  // An account that must change its password is signed in for that alone: it goes on to 修改密码.
  const signedIn = await currentActor({ forPasswordChange: true });
  if (signedIn) redirect(signedIn.mustChangePassword ? '/account/password' : '/');
  const target = safeCallbackPath(ownPath(callbackUrl, (await headers()).get('host')));
  const jar = await cookies();
  const csrfCookie = CSRF_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  return (
    <main className="login">
      <div className="login__box">
        {/* eslint-disable-next-line @next/next/no-img-element -- a 56 px SVG needs no image optimisation */}
        <img src="/logo.svg" alt="" width={56} height={56} className="login__logo" />
        <h1>电子保函服务平台</h1>
        <p className="muted">投标保证保险 · 在线投保</p>
        {changed === '1' && !error && (
          <div className="alert alert--success" role="status">
            密码已修改，请使用新密码登录
          </div>
        )}
        <LoginForm callbackUrl={target} csrfToken={csrfCookie?.split('|')[0] ?? ''} initialError={signInErrorMessage(error)} />
        {/* No aria-label: the sign-in fields are found by their labels 手机号 and 密码, and only they may carry them. */}
        <nav className="login__links">
          <Link href="/register">没有账号？企业注册</Link>
          <Link href="/forgot-password">忘记密码</Link>
        </nav>
      </div>
    </main>
  );
}
