import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { listRegistrationRegions } from '@/lib/enterprises/registration/registration-regions';
import { RegisterForm } from './register-form';

export const metadata = { title: '企业注册 - 电子保函服务平台' };

/** 企业注册: public; someone already signed in has nothing to register. */
export default async function RegisterPage() {
  if (await currentActor()) redirect('/');
  const regions = await listRegistrationRegions(await getDb());
  return (
    <main className="public-page">
      <div className="public-page__box">
        <h1>企业注册</h1>
        <p className="muted">
          投标企业在此注册账号。注册后即可登录浏览标段；企业认证审核（由所属区域的管理员审核）通过后即可申请投标保函。已有账号？
          <Link href="/login">直接登录</Link>
        </p>
        <RegisterForm regions={regions} />
      </div>
    </main>
  );
}
