import Link from 'next/link';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { getDb } from '@/lib/database';
import { formatFen } from '@/lib/money/format-fen';
import { getMyOrder } from '@/lib/orders/get-my-order';
import type { OrderAction } from '@/lib/orders/order-lifecycle';
import { ORDER_STATUS_LABELS, ORDER_STATUS_NOTES } from '@/lib/orders/order-status';
import { PROJECT_TYPE_LABELS } from '@/lib/projects/project-labels';
import { formatDateTime } from '@/lib/time/format';
import { FormDataSummary } from '../../_components/application/form-data-summary';
import { OrderTimeline } from '../../_components/application/order-timeline';
import { PaymentInstructions } from '../../_components/application/payment-instructions';
import { BidderPage, requireBidder } from '../../_components/bidder-page';
import { notFoundOn } from '../../_components/not-found-on';
import { getOrderPolicy } from '@/lib/policies/get-order-policy';
import { listOrderTickets } from '@/lib/payments/tickets/list-order-tickets';
import { listOrderRefunds } from '@/lib/refunds/list-order-refunds';
import { loadMySurrenders } from '@/lib/surrenders/list-my-surrenders';
import { paymentProblemAvailability } from '@/lib/payments/tickets/payment-problem-availability';
import { now } from '@/lib/time/clock';
import { AbandonButton } from './abandon-button';
import { PaymentProblemPanel } from './payment-problem-panel';
import { PolicyPanel } from './policy-panel';
import { RefundPanel } from './refund-panel';
import { ProjectChanges } from './project-changes';
import { SurrenderPanel } from './surrender-panel';
import { InvoicePanel } from './invoice-panel';

export const metadata = { title: '订单详情 - 电子保函服务平台' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ new?: string; pay?: string; updated?: string; reported?: string }> };

/** 订单详情: status, timeline, 【立即支付】 with the payment instructions, and the application as submitted. */
export default async function OrderPage({ params, searchParams }: Props) {
  const actor = await requireBidder();
  const { id } = await params;
  const { new: isNew, pay, updated, reported } = await searchParams;
  const db = await getDb();
  const order = await getMyOrder(db, actor, id).catch(notFoundOn);
  const [policy, paymentProblem, tickets, refunds, surrenders] = await Promise.all([
    getOrderPolicy(db, order.id),
    paymentProblemAvailability(db, order.id),
    listOrderTickets(db, order.id),
    listOrderRefunds(db, order.id),
    loadMySurrenders(db, actor, order.id),
  ]);
  const bidOpened = now() >= order.bidOpeningAt;
  const can = (action: OrderAction) => order.allowedActions.includes(action);
  const payable = can('pay');
  const showPayment = payable && (isNew === '1' || pay === '1');

  return (
    <BidderPage actor={actor} title="订单详情">
      {/* Only while it can be paid: an order given up on this page (one from a trading platform) keeps the URL. */}
      {isNew === '1' && payable && (
        <div className="alert alert--info" role="status">
          投保申请已提交，订单号 {order.orderNumber}。请按下方信息转账支付保费；也可选择【暂不支付】，稍后在【订单管理】中支付。
        </div>
      )}
      {reported === '1' && (
        <div className="alert alert--info" role="status">
          已提交支付问题，平台将尽快处理，处理结果将显示在本页「支付问题」中。
        </div>
      )}
      {updated === '1' && (
        <div className="alert alert--info" role="status">
          投保信息已更新。
        </div>
      )}
      <ProjectChanges actor={actor} orderId={order.id} orderStatus={order.status} />
      <div className="card" style={{ marginBottom: 16 }}>
        <dl className="summary">
          <dt>订单号</dt>
          <dd className="mono" data-testid="order-number">{order.orderNumber}</dd>
          <dt>订单状态</dt>
          <dd>
            <span className={`status status--${order.status}`} data-testid="order-status">
              {ORDER_STATUS_LABELS[order.status]}
            </span>
            {ORDER_STATUS_NOTES[order.status] && (
              <p className="muted" style={{ margin: '6px 0 0' }} data-testid="order-status-note">
                {ORDER_STATUS_NOTES[order.status]}
              </p>
            )}
          </dd>
          <dt>项目 / 标段</dt>
          <dd>
            {order.projectName}（{order.projectCode}）· {order.sectionName}
          </dd>
          <dt>项目类型</dt>
          <dd>{PROJECT_TYPE_LABELS[order.projectType]}</dd>
          <dt>招标人（被保险人）</dt>
          <dd>{order.tenderer}</dd>
          <dt>保险公司 / 产品</dt>
          <dd>
            {order.insurerName} · {order.productName}
          </dd>
          <dt>保证金（担保金额）</dt>
          <dd>{formatFen(order.depositFen)}</dd>
          <dt>保费</dt>
          <dd>
            <strong>{formatFen(order.premiumFen)}</strong>
          </dd>
          <dt>开标时间</dt>
          <dd>{formatDateTime(order.bidOpeningAt)}</dd>
        </dl>
        <div className="actions">
          {payable && !showPayment && (
            <Link className="btn" href={`/orders/${order.id}?pay=1#payment`}>
              立即支付
            </Link>
          )}
          {showPayment && (
            <Link className="btn btn--plain" href="/orders">
              暂不支付
            </Link>
          )}
          {can('editApplication') && (
            <Link className="btn btn--plain" href={`/orders/${order.id}/edit`}>
              修改投保信息
            </Link>
          )}
          {surrenders.surrenders.length > 0 && (
            <Link className="btn btn--plain" href={`/orders/${order.id}#surrender`}>
              退保详情
            </Link>
          )}
          <Link className="btn btn--plain" href="/orders">
            返回订单管理
          </Link>
        </div>
        {can('abandon') && <AbandonButton orderId={order.id} landsOnOrder={order.abandonLandsOnOrder} />}
      </div>
      {order.returnToPlatform && (
        <section className="card" aria-label="返回交易平台">
          <p>您已放弃购买本保函，可返回「{order.returnToPlatform.name}」选择其他方式缴纳投标保证金。</p>
          <div className="actions">
            <a className="btn" href={order.returnToPlatform.url}>
              返回交易平台
            </a>
          </div>
        </section>
      )}
      {showPayment && <PaymentInstructions {...order} />}
      {policy && <PolicyPanel orderId={order.id} downloadable={can('downloadPolicy')} bidOpened={bidOpened} bidOpeningAt={order.bidOpeningAt} policy={policy} />}
      <RefundPanel refunds={refunds} />
      <PaymentProblemPanel orderId={order.id} availability={paymentProblem} tickets={tickets} />
      <SurrenderPanel orderId={order.id} surrenders={surrenders} />
      <InvoicePanel actor={actor} orderId={order.id} orderStatus={order.status} />
      <div className="columns">
        <section className="card" aria-label="投保信息">
          <h2 className="card__title">投保信息</h2>
          <FormDataSummary schema={order.formSchema as RJSFSchema} uiSchema={order.formUiSchema as UiSchema} data={order.formData} />
        </section>
        <section className="card">
          <h2 className="card__title">订单进度</h2>
          <OrderTimeline events={order.events} />
        </section>
      </div>
    </BidderPage>
  );
}
