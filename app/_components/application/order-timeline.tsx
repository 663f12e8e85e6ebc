import type { OrderStatus } from '@/db/database';
import { ORDER_STATUS_LABELS } from '@/lib/orders/order-status';
import { formatDateTime } from '@/lib/time/format';

export interface TimelineEvent {
  id: number;
  toStatus: OrderStatus;
  reason: string;
  occurredAt: Date;
  actorName: string | null;
}

export function OrderTimeline({ events }: { events: TimelineEvent[] }) {
  return (
    <ol className="timeline" aria-label="订单进度">
      {events.map((e) => (
        <li key={e.id}>
          <strong>{ORDER_STATUS_LABELS[e.toStatus]}</strong> <span className="muted">{formatDateTime(e.occurredAt)}</span>
          <div className="muted">
            {e.reason}
            {e.actorName ? ` · ${e.actorName}` : ''}
          </div>
        </li>
      ))}
    </ol>
  );
}
