import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { DomainError } from '@/lib/errors/domain-error';
import { formatFen } from '@/lib/money/format-fen';
import { PROJECT_TYPE_LABELS } from '@/lib/projects/project-labels';
import { getOpenSection } from '@/lib/sections/list-open-sections';
import { formatDateTime } from '@/lib/time/format';
import { SiteHeader } from '../../_components/site-header';

export const metadata = { title: '申请投标保函 - 电子保函服务平台' };

type Props = { params: Promise<{ sectionId: string }> };

export default async function ApplyPage({ params }: Props) {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  const { sectionId } = await params;
  const section = await getOpenSection(await getDb(), actor, sectionId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  return (
    <>
      <SiteHeader actor={actor} />
      <main className="page">
        <h1>申请投标保函</h1>
        <div className="card">
          <dl className="summary">
            <dt>项目</dt>
            <dd>
              {section.projectName}（{section.projectCode}）
            </dd>
            <dt>标段</dt>
            <dd>{section.sectionName}</dd>
            <dt>项目类型</dt>
            <dd>{PROJECT_TYPE_LABELS[section.projectType]}</dd>
            <dt>招标人</dt>
            <dd>{section.tenderer}</dd>
            <dt>保证金金额</dt>
            <dd>{formatFen(section.depositFen)}</dd>
            <dt>保证金截止时间</dt>
            <dd>{formatDateTime(section.depositDeadline)}</dd>
            <dt>开标时间</dt>
            <dd>{formatDateTime(section.bidOpeningAt)}</dd>
          </dl>
          <div className="alert alert--info" style={{ marginTop: 20, marginBottom: 0 }}>
            选择金融产品与在线填写投保信息的功能即将开放，敬请期待。
          </div>
          <p style={{ marginTop: 16 }}>
            <Link href="/">返回我的投标保函</Link>
          </p>
        </div>
      </main>
    </>
  );
}
