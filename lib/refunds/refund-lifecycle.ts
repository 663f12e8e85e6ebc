import type { Actor } from '@/lib/auth/actor';
import { mayWrite } from '@/lib/auth/authorize';
import { actionsFrom, defineLifecycle } from '@/lib/lifecycle/lifecycle';
import { REFUND_STATUS_LABELS, type RefundStatus } from './refund-labels';

/**
 * A refund owed is created 待退款 (by a rejected payment, a returned transfer, an approved surrender, a
 * payment ticket) and an operator marks it 已退款 once the bank has paid it, with the bank's reference.
 */
export const refundLifecycle = defineLifecycle({
  noun: '退款',
  states: REFUND_STATUS_LABELS,
  initial: ['pending'],
  actions: {
    markRefunded: { label: '标记为已退款', from: ['pending'], to: 'refunded' },
  },
  refusal(action, current) {
    if (action === 'markRefunded' && current === 'refunded') return '该退款已标记为已退款';
    return undefined;
  },
});

export type RefundAction = (typeof refundLifecycle.actionNames)[number];

/**
 * What the reader may do to the refund now: the lifecycle's actions from its state, for one who may write
 * in its region (a refund of no region, a returned transfer nobody matched, is the platform administrator's).
 */
export function allowedRefundActions(record: { status: RefundStatus; region_id: string | null }, actor: Actor): RefundAction[] {
  if (!mayWrite(actor, record.region_id)) return [];
  return actionsFrom(refundLifecycle, record.status);
}

/** The bank has paid it back. */
export function isRefunded(status: RefundStatus): boolean {
  return status === 'refunded';
}
