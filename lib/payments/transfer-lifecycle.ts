import type { TransferStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { mayWrite } from '@/lib/auth/authorize';
import { actionsFrom, defineLifecycle } from '@/lib/lifecycle/lifecycle';

export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  unmatched: '待匹配',
  review: '待人工审核',
  matched: '已匹配订单',
  duplicate: '重复支付',
  returned: '已退回',
};

/**
 * A bank transfer, from the moment a bank or a statement reports it. It starts unmatched; once it is known
 * to pay an order (its remark, or an operator's 匹配订单) the payment-source rules take one of the three
 * reconcile edges; money that pays no order goes back (退回付款人); a transfer sent to review is settled by
 * an operator's approval or rejection (the order is insured, or cancelled and refunded: the transfer is
 * matched to it either way).
 */
export const transferLifecycle = defineLifecycle({
  noun: '转账',
  states: TRANSFER_STATUS_LABELS,
  initial: ['unmatched'],
  actions: {
    /** An operator names the order an unmatched transfer pays; the rules then take a reconcile edge. */
    match: { label: '匹配订单', from: ['unmatched'] },
    reconcileMatched: { label: '按支付来源规则入账', from: ['unmatched'], to: 'matched' },
    reconcileDuplicate: { label: '记为重复支付', from: ['unmatched'], to: 'duplicate' },
    reconcileReview: { label: '转人工审核', from: ['unmatched'], to: 'review' },
    return: { label: '退回付款人', from: ['unmatched'], to: 'returned' },
    approve: { label: '审核通过', from: ['review'], to: 'matched' },
    reject: { label: '审核不通过', from: ['review'], to: 'matched' },
  },
  refusal(action, current) {
    if (!OPERATOR_ACTIONS.has(action)) return undefined;
    return `该转账当前为「${TRANSFER_STATUS_LABELS[current]}」，可能已由其他管理员处理，请刷新后查看`;
  },
});

export type TransferAction = (typeof transferLifecycle.actionNames)[number];

/** What operators do by hand (the back office's commands); the reconcile edges are the rules'. */
const OPERATOR_ACTIONS: ReadonlySet<TransferAction> = new Set<TransferAction>(['match', 'return', 'approve', 'reject']);

/** A transfer the rules took as the order's payment (perhaps refused, then refunded) or sent to review. */
export function countsAsPayment(status: TransferStatus): boolean {
  return status === 'matched' || status === 'review';
}

/** A transfer for an order already paid: its amount is refunded. */
export function isDuplicatePayment(status: TransferStatus): boolean {
  return status === 'duplicate';
}

const isWriter = (actor: Actor) => actor.role === 'operator' || actor.role === 'platform_admin';

/**
 * What the reader may do to the transfer now. A transfer no region has claimed may be matched by any
 * operator (to an order of their own region) but returned only by the platform; the rest are the
 * transfer's region's.
 */
export function transferActions(transfer: { status: TransferStatus; region_id: string | null }, actor: Actor): TransferAction[] {
  return actionsFrom(transferLifecycle, transfer.status).filter((action) => {
    if (!OPERATOR_ACTIONS.has(action)) return false;
    if (action === 'match') return isWriter(actor) && (transfer.region_id === null || mayWrite(actor, transfer.region_id));
    return mayWrite(actor, transfer.region_id);
  });
}
