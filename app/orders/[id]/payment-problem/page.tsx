import { getDb } from '@/lib/database';
import { getMyOrder } from '@/lib/orders/get-my-order';
import { paymentProblemAvailability } from '@/lib/payments/tickets/payment-problem-availability';
import { PAYMENT_TICKET_KIND_HINTS, PAYMENT_TICKET_KIND_LABELS } from '@/lib/payments/tickets/payment-ticket-kinds';
import { BidderPage, requireBidder } from '../../../_components/bidder-page';
import { notFoundOn } from '../../../_components/not-found-on';
import { PaymentProblemForm } from './payment-problem-form';

export const metadata = { title: '支付遇到问题 - 电子保函服务平台' };

type Props = { params: Promise<{ id: string }> };

/** 【支付遇到问题请点击】: 已支付，未出函 or 申请退费 (with the account to refund to). */
export default async function PaymentProblemPage({ params }: Props) {
  const actor = await requireBidder();
  const { id } = await params;
  const db = await getDb();
  const order = await getMyOrder(db, actor, id).catch(notFoundOn);
  const availability = await paymentProblemAvailability(db, order.id);
  return (
    <BidderPage actor={actor} title="支付遇到问题">
      <div className="card">
        <p className="muted" style={{ marginTop: 0 }}>
          订单号 <span className="mono">{order.orderNumber}</span>
        </p>
        {availability.allowedActions.includes('openTicket') ? (
          <PaymentProblemForm
            orderId={order.id}
            choices={availability.kinds.map((kind) => ({ kind, label: PAYMENT_TICKET_KIND_LABELS[kind], hint: PAYMENT_TICKET_KIND_HINTS[kind] }))}
          />
        ) : (
          <div className="alert alert--info" role="status">
            支付后 30 分钟仍未出函、重复支付或退款逾期时，方可提交支付问题。
          </div>
        )}
      </div>
    </BidderPage>
  );
}
