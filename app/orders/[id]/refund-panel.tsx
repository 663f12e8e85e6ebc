import { formatFen } from '@/lib/money/format-fen';
import type { OrderRefund } from '@/lib/refunds/list-order-refunds';
import { REFUND_STATUS_LABELS } from '@/lib/refunds/refund-labels';
import { isRefunded } from '@/lib/refunds/refund-lifecycle';
import { formatDateTime } from '@/lib/time/format';

const PROVISIONAL = '（该年度节假日安排尚未公布，到期日暂按常规工作日估算）';

function payee(refund: OrderRefund): string {
  const account = [refund.payeeBank, refund.payeeAccount].filter(Boolean).join(' ');
  return [refund.payeeName, account].filter(Boolean).join('，') || '原付款账户';
}

/**
 * 退款: money the platform owes the bidder back on this order — a refused payment, a duplicate one. A
 * surrender's refund is shown with the surrender instead.
 */
export function RefundPanel({ refunds }: { refunds: OrderRefund[] }) {
  const shown = refunds.filter((r) => r.surrenderId === null);
  if (shown.length === 0) return null;
  return (
    <section className="card" aria-label="退款" style={{ marginBottom: 16 }}>
      <h2 className="card__title">退款</h2>
      <ul className="timeline">
        {shown.map((r) => (
          <li key={r.id} data-testid="order-refund">
            <strong>{REFUND_STATUS_LABELS[r.status]}</strong>　退还 {formatFen(r.amountFen)}（{r.reason}）
            <div className="muted">
              {isRefunded(r.status)
                ? `已于 ${formatDateTime(r.refundedAt!)} 退还至 ${payee(r)}。`
                : `将退还至 ${payee(r)}，预计 ${r.dueDate} 前到账${r.dueDateProvisional ? PROVISIONAL : ''}。${r.overdue ? '已超过预计到账日期，如仍未收到，可通过「支付问题」申请退费。' : ''}`}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
