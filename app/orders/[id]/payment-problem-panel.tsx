import Link from 'next/link';
import type { PaymentTicketKind } from '@/db/database';
import type { PaymentProblemAvailability } from '@/lib/payments/tickets/payment-problem-availability';
import { PAYMENT_TICKET_KIND_LABELS } from '@/lib/payments/tickets/payment-ticket-kinds';
import { isAnswered } from '@/lib/payments/tickets/payment-ticket-lifecycle';
import { formatDateTime } from '@/lib/time/format';

interface Ticket {
  id: string;
  kind: PaymentTicketKind;
  message: string;
  status: 'open' | 'answered';
  answer: string | null;
  answeredAt: Date | null;
  createdAt: Date;
}

/** 【支付遇到问题请点击】 and the answers to what the bidder reported. */
export function PaymentProblemPanel({ orderId, availability, tickets }: { orderId: string; availability: PaymentProblemAvailability; tickets: Ticket[] }) {
  const mayReport = availability.allowedActions.includes('openTicket');
  if (!mayReport && !availability.availableFrom && tickets.length === 0) return null;
  return (
    <section className="card" aria-label="支付问题" style={{ marginBottom: 16 }}>
      <h2 className="card__title">支付问题</h2>
      {mayReport ? (
        <div className="actions" style={{ justifyContent: 'flex-start', marginTop: 0 }}>
          <Link className="btn btn--plain" href={`/orders/${orderId}/payment-problem`}>
            支付遇到问题请点击
          </Link>
          {availability.hasDuplicatePayment && <span className="muted">检测到重复支付，可申请退回多付的款项。</span>}
          {availability.hasOverdueRefund && <span className="muted">退款已超过预计到账日期，可申请退费。</span>}
        </div>
      ) : (
        availability.availableFrom && (
          <p className="muted">已收到您的转账。若 {formatDateTime(availability.availableFrom)} 后仍未出函，可在此反馈支付问题。</p>
        )
      )}
      {tickets.length > 0 && (
        <ul className="timeline" style={{ marginTop: 16 }}>
          {tickets.map((t) => (
            <li key={t.id} data-testid="payment-ticket">
              <strong>{PAYMENT_TICKET_KIND_LABELS[t.kind]}</strong>（{formatDateTime(t.createdAt)}）：{t.message}
              <div className="muted">
                {isAnswered(t.status) ? `平台回复（${formatDateTime(t.answeredAt!)}）：${t.answer}` : '平台处理中，请耐心等待'}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
