import { z } from 'zod';
import { getDb } from '@/lib/database';
import { ENTERPRISE_STATUS_LABELS } from '@/lib/enterprises/enterprise-lifecycle';
import { JOIN_REQUEST_STATUS_LABELS } from '@/lib/enterprises/join-request-lifecycle';
import { listEnterpriseMembers } from '@/lib/enterprises/join-requests/list-enterprise-members';
import { formatDateTime } from '@/lib/time/format';
import { BidderPage, requireBidder } from '../../_components/bidder-page';
import { Pagination } from '../../_components/pagination';
import { JoinRequestActions } from './join-request-actions';

export const metadata = { title: '企业成员 - 电子保函服务平台' };

const PAGE_SIZE = 20;
const querySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * 企业成员: who uses the platform for the enterprise. Its administrator (the first user, who registered
 * it) also decides the requests of people who registered with its 统一社会信用代码 to join it.
 */
export default async function MembersPage({ searchParams }: Props) {
  const actor = await requireBidder();
  const { page } = querySchema.parse(await searchParams);
  const data = await listEnterpriseMembers(await getDb(), actor, { page, pageSize: PAGE_SIZE });
  const administrator = data.members.find((m) => m.administrator);

  return (
    <BidderPage actor={actor} title="企业成员">
      <p className="muted">
        {data.enterprise.name}（{ENTERPRISE_STATUS_LABELS[data.enterprise.status]}）。
        {data.administrator
          ? '您是本企业的管理员（企业首位注册用户）：其他人以本企业的统一社会信用代码注册时，需经您同意才能加入。'
          : `以本企业统一社会信用代码注册的加入申请，由企业管理员${administrator ? `（${administrator.displayName}）` : ''}审批。`}
      </p>

      {data.administrator && (
        <section className="card" style={{ marginBottom: 16 }} aria-label="待审批的加入申请">
          <h2 className="card__title">待审批的加入申请</h2>
          {data.pendingRequests.length === 0 ? (
            <p className="empty" style={{ padding: '16px 0' }}>暂无待审批的加入申请</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th>姓名</th>
                  <th>手机号</th>
                  <th>申请时间</th>
                  <th>操作</th>
                </tr>
              </thead>
              <tbody>
                {data.pendingRequests.map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap">{r.displayName}</td>
                    <td className="nowrap">{r.phone}</td>
                    <td className="nowrap">{formatDateTime(r.createdAt)}</td>
                    <td>
                      <JoinRequestActions requestId={r.id} displayName={r.displayName} phone={r.phone} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}

      <section className="card" style={{ marginBottom: 16 }} aria-label="成员列表">
        <h2 className="card__title">成员列表</h2>
        <table className="table">
          <thead>
            <tr>
              <th>姓名</th>
              <th>手机号</th>
              <th>身份</th>
              <th>状态</th>
              <th>加入时间</th>
            </tr>
          </thead>
          <tbody>
            {data.members.map((m) => (
              <tr key={m.id}>
                <td className="nowrap">{m.displayName}</td>
                <td className="nowrap">{m.phone}</td>
                <td>{m.administrator ? <span className="tag">企业管理员</span> : '成员'}</td>
                <td>{m.active ? '正常' : '已停用'}</td>
                <td>{formatDateTime(m.joinedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pagination page={page} pageSize={PAGE_SIZE} total={data.membersTotal} unit="名成员" hrefFor={(p) => `/account/members?page=${p}`} />
      </section>

      {data.administrator && data.decidedRequests.length > 0 && (
        <section className="card" aria-label="最近处理的加入申请">
          <h2 className="card__title">最近处理的加入申请</h2>
          <table className="table">
            <thead>
              <tr>
                <th>姓名</th>
                <th>手机号</th>
                <th>结果</th>
                <th>处理时间</th>
                <th>拒绝原因</th>
              </tr>
            </thead>
            <tbody>
              {data.decidedRequests.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{r.displayName}</td>
                  <td className="nowrap">{r.phone}</td>
                  <td>{JOIN_REQUEST_STATUS_LABELS[r.status]}</td>
                  <td>{r.decidedAt ? formatDateTime(r.decidedAt) : '—'}</td>
                  <td>{r.decisionReason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </BidderPage>
  );
}
