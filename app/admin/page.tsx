import { redirect } from 'next/navigation';
import { BACK_OFFICE_ROLES } from '@/lib/auth/actor';
import { currentActor } from '@/lib/auth/current-actor';
import { AdminLoader } from './_components/admin-loader';

export const metadata = { title: '管理后台 - 电子保函服务平台' };

export default async function AdminPage() {
  const actor = await currentActor();
  if (!actor) redirect('/login?callbackUrl=/admin');
  if (!BACK_OFFICE_ROLES.includes(actor.role)) redirect('/?denied=admin');
  return <AdminLoader />;
}
