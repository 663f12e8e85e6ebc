import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { enterpriseCompletion } from '@/lib/enterprises/complete-platform-enterprise';
import { CompleteEnterpriseForm } from './complete-enterprise-form';

export const metadata = { title: '完善企业信息 - 电子保函服务平台' };

/** 完善企业信息: an enterprise a trading platform created gives its basic account before it applies. */
export default async function CompleteEnterprisePage() {
  const actor = await currentActor();
  if (!actor) redirect('/login?callbackUrl=/account/enterprise');
  const completion = await enterpriseCompletion(await getDb(), actor);
  if (!completion) redirect('/');
  return (
    <main className="login">
      <div className="login__box">
        <h1>完善企业信息</h1>
        <p className="muted">
          {completion.name}（统一社会信用代码 {completion.uscc}）
        </p>
        {completion.needed ? (
          <>
            <div className="alert alert--info" role="status">
              贵企业由交易平台登录创建，无需企业认证审核。申请保函前请填写企业基本户信息：建设工程项目的保费须从基本户转账支付，退保退费也将原路退回。
            </div>
            <CompleteEnterpriseForm />
          </>
        ) : (
          <p>企业信息已完善。如需修正基本户，请联系区域管理员。</p>
        )}
        <p style={{ marginTop: 16 }}>
          <Link href="/">返回我的投标保函</Link>
        </p>
      </div>
    </main>
  );
}
