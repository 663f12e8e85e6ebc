import Link from 'next/link';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { formatFen } from '@/lib/money/format-fen';
import { listMyOrders } from '@/lib/orders/list-my-orders';
import { ORDER_STATUS_LABELS } from '@/lib/orders/order-status';
import { formatDateTime } from '@/lib/time/format';
import { BidderPage, requireBidder } from '../_components/bidder-page';
import { Pagination } from '../_components/pagination';

export const metadata = { title: '订单管理 - 电子保函服务平台' };

const PAGE_SIZE = 10;
const STATUSES = Object.keys(ORDER_STATUS_LABELS) as (keyof typeof ORDER_STATUS_LABELS)[];
const querySchema = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  status: z.enum(STATUSES as [string, ...string[]]).optional().catch(undefined),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 【订单管理】: the enterprise's orders, filterable by status, with 【查看】. */
export default async function OrdersPage({ searchParams }: Props) {
  const actor = await requireBidder();
  const params = await searchParams;
  const query = querySchema.parse(params);
  const abandoned = params.abandoned;
  const status = query.status as keyof typeof ORDER_STATUS_LABELS | undefined;
  const { rows, total } = await listMyOrders(await getDb(), actor, { page: query.page, pageSize: PAGE_SIZE, status });
  const link = (page: number) => `/orders?${new URLSearchParams({ ...(status ? { status } : {}), page: String(page) })}`;

  return (
    <BidderPage actor={actor} title="订单管理">
      {abandoned === '1' && (
        <div className="alert alert--info" role="status">
          已放弃购买保函。您可以在交易平台选择其他方式缴纳投标保证金，或重新申请。
        </div>
      )}
      <form className="filters" method="get">
        <label>
          订单状态
          <select className="input" name="status" defaultValue={status ?? ''}>
            <option value="">全部状态</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {ORDER_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button className="btn" type="submit">
          查询
        </button>
      </form>
      <div className="card" style={{ padding: 0 }}>
        {rows.length === 0 ? (
          <div className="empty">
            暂无订单。<Link href="/">去申请投标保函</Link>
          </div>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>订单号</th>
                <th>项目 / 标段</th>
                <th>保险公司</th>
                <th style={{ textAlign: 'right' }}>保费</th>
                <th>状态</th>
                <th>提交时间</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id}>
                  <td className="mono">{o.orderNumber}</td>
                  <td>
                    {o.projectName}
                    <div className="muted">{o.sectionName}</div>
                  </td>
                  <td>{o.insurerName}</td>
                  <td className="num">{formatFen(o.premiumFen)}</td>
                  <td>
                    <span className={`status status--${o.status}`}>{ORDER_STATUS_LABELS[o.status]}</span>
                    {o.refundPendingFen > 0 && <div className="muted" data-testid="order-refund-summary">待退款 {formatFen(o.refundPendingFen)}</div>}
                    {o.refundPendingFen === 0 && o.refundedFen > 0 && <div className="muted" data-testid="order-refund-summary">已退款 {formatFen(o.refundedFen)}</div>}
                  </td>
                  <td>{formatDateTime(o.createdAt)}</td>
                  <td>
                    <Link className="btn btn--plain" href={`/orders/${o.id}`}>
                      查看
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <Pagination page={query.page} pageSize={PAGE_SIZE} total={total} unit="个订单" hrefFor={link} />
    </BidderPage>
  );
}
