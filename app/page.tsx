import Link from 'next/link';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { BACK_OFFICE_ROLES } from '@/lib/auth/actor';
import { currentActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { formatFen } from '@/lib/money/format-fen';
import { PROJECT_TYPE_LABELS } from '@/lib/projects/project-labels';
import { getMyEnterpriseStanding } from '@/lib/enterprises/my-enterprise-standing';
import { listRegions } from '@/lib/regions/list-regions';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import { sectionOffer, type SectionOffer } from '@/lib/sections/section-offer';
import { formatDateTime } from '@/lib/time/format';
import { EnterpriseReviewPanel } from './_components/enterprise-review/enterprise-review-panel';
import { Pagination } from './_components/pagination';
import { SiteHeader } from './_components/site-header';

export const metadata = { title: '我的投标保函 - 电子保函服务平台' };

const PAGE_SIZE = 10;

const querySchema = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  region: z.string().regex(/^\d{6}$/).optional().catch(undefined),
  type: z.enum(['construction', 'procurement']).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
});

/** The row's one action, as the read model offers it: the live order, 立即申请, or a look at the section. */
function SectionOfferLink({ sectionId, offer }: { sectionId: string; offer: SectionOffer }) {
  if (offer.kind === 'viewOrder') {
    return (
      <Link className="btn btn--plain" href={`/orders/${offer.orderId}`}>
        查看订单
      </Link>
    );
  }
  return (
    <Link className={offer.kind === 'apply' ? 'btn' : 'btn btn--plain'} href={`/apply/${sectionId}`}>
      {offer.kind === 'apply' ? '立即申请' : '查看标段'}
    </Link>
  );
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BidderHome({ searchParams }: Props) {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  if (BACK_OFFICE_ROLES.includes(actor.role)) redirect('/admin');
  const query = querySchema.parse(await searchParams);
  const db = await getDb();
  const [standing, regions, { rows, total }] = await Promise.all([
    getMyEnterpriseStanding(db, actor),
    listRegions(db),
    listOpenSections(db, actor, { page: query.page, pageSize: PAGE_SIZE, regionId: query.region, type: query.type, keyword: query.q || undefined }),
  ]);
  const { enterprise } = standing;
  // Before 企业认证审核 has passed the sections are for browsing: the apply pages say why not yet.
  const mayApply = standing.allowedActions.includes('applyForGuarantee');
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    if (query.region) params.set('region', query.region);
    if (query.type) params.set('type', query.type);
    if (query.q) params.set('q', query.q);
    params.set('page', String(page));
    return `/?${params}`;
  };

  return (
    <>
      <SiteHeader actor={actor} />
      <main className="page">
        <h1>我的投标保函</h1>
        <section className="card" style={{ marginBottom: 16 }} aria-label="投保企业">
          <dl className="summary">
            <dt>投保企业</dt>
            <dd>{enterprise.name}</dd>
            <dt>统一社会信用代码</dt>
            <dd>{enterprise.uscc}</dd>
            <dt>企业基本户</dt>
            <dd>
              {enterprise.basic_account_bank} {enterprise.basic_account_number}
            </dd>
          </dl>
        </section>
        <EnterpriseReviewPanel standing={standing} />
        <p className="muted">以下为可申请投标保函的标段（项目状态正常且未过保证金缴纳截止时间）。建议在截止时间前至少 24 小时完成保费支付。</p>
        <form className="filters" method="get">
          <label>
            区域
            <select className="input" name="region" defaultValue={query.region ?? ''}>
              <option value="">全部区域</option>
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            项目类型
            <select className="input" name="type" defaultValue={query.type ?? ''}>
              <option value="">全部类型</option>
              <option value="construction">建设工程</option>
              <option value="procurement">政府采购</option>
            </select>
          </label>
          <label>
            关键字
            <input className="input" name="q" defaultValue={query.q ?? ''} placeholder="项目名称、编号或标段" />
          </label>
          <button className="btn" type="submit">
            查询
          </button>
        </form>
        <div className="card" style={{ padding: 0 }}>
          {rows.length === 0 ? (
            <div className="empty">暂无可申请的标段</div>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th>项目</th>
                  <th>标段</th>
                  <th>类型</th>
                  <th>区域</th>
                  <th style={{ textAlign: 'right' }}>保证金金额</th>
                  <th>保证金截止时间</th>
                  <th>开标时间</th>
                  <th>操作</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.sectionId}>
                    <td>
                      {s.projectName}
                      <div className="muted">
                        {s.projectCode} · 招标人：{s.tenderer}
                      </div>
                    </td>
                    <td>{s.sectionName}</td>
                    <td>
                      <span className={`tag tag--${s.projectType}`}>{PROJECT_TYPE_LABELS[s.projectType]}</span>
                    </td>
                    <td>{s.regionName}</td>
                    <td className="num">{formatFen(s.depositFen)}</td>
                    <td>{formatDateTime(s.depositDeadline)}</td>
                    <td>{formatDateTime(s.bidOpeningAt)}</td>
                    <td>
                      <SectionOfferLink sectionId={s.sectionId} offer={sectionOffer(s, mayApply)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <Pagination page={query.page} pageSize={PAGE_SIZE} total={total} unit="个标段" hrefFor={pageLink} />
      </main>
    </>
  );
}
