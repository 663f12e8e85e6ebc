import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/current-actor';
import { safeCallbackPath } from '@/lib/http/safe-callback-path';
import { LoginForm } from './login-form';

export const metadata = { title: '登录 - 电子保函服务平台' };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  if (await currentActor()) redirect('/');
  const target = safeCallbackPath(callbackUrl);
  return (
    <main className="login">
      <div className="login__box">
        <h1>电子保函服务平台</h1>
        <p className="muted">投标保证保险 · 在线投保</p>
        <LoginForm callbackUrl={target} />
      </div>
    </main>
  );
}
