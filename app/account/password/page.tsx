import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignOutButton } from '@/app/_components/sign-out-button';
import { BACK_OFFICE_ROLES, ROLE_LABELS } from '@/lib/auth/actor';
import { currentActor } from '@/lib/auth/current-actor';
import { ChangePasswordForm } from './change-password-form';

export const metadata = { title: '修改密码 - 电子保函服务平台' };

/**
 * 修改密码 for every signed-in account, bidder or staff. An account whose password someone else set
 * (created, reset) is kept here by the proxy until it has chosen its own.
 */
export default async function ChangePasswordPage() {
  const actor = await currentActor({ forPasswordChange: true });
  if (!actor) redirect('/login?callbackUrl=/account/password');
  const home = BACK_OFFICE_ROLES.includes(actor.role) ? '/admin' : '/';
  return (
    <main className="login">
      <div className="login__box">
        <h1>修改密码</h1>
        <p className="muted">
          {actor.name}（{ROLE_LABELS[actor.role]}，{actor.phone}）
        </p>
        {actor.mustChangePassword && (
          <div className="alert alert--info" role="status">
            您的密码由管理员设置，请先修改为只有您知道的新密码后再继续使用。
          </div>
        )}
        <ChangePasswordForm />
        <p className="muted" style={{ marginTop: 16 }}>修改成功后所有已登录的设备都将退出，请使用新密码重新登录。</p>
        <div className="password-page__links">
          {actor.mustChangePassword ? <span /> : <Link href={home}>返回</Link>}
          <SignOutButton className="btn btn--plain" />
        </div>
      </div>
    </main>
  );
}
