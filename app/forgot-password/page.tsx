import Link from 'next/link';
import { connection } from 'next/server';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata = { title: '忘记密码 - 电子保函服务平台' };

/** 忘记密码: a code sent to the account's mobile number, then a new password. Public. */
export default async function ForgotPasswordPage() {
  // Rendered per request, never prerendered: the page's scripts must carry the request's CSP nonce (proxy.ts).
  await connection();
  return (
    <main className="public-page">
      <div className="public-page__box public-page__box--narrow">
        <h1>忘记密码</h1>
        <p className="muted">
          输入注册时使用的手机号，获取短信验证码后设置新密码。设置后，已登录的设备将全部退出。<Link href="/login">返回登录</Link>
        </p>
        <ForgotPasswordForm />
      </div>
    </main>
  );
}
