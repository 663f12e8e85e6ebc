import type { OrderStatus, StatementLineOutcome, TransferStatus } from '@/db/database';

/**
 * What importing did with one line, in the operator's words. This module holds no server code: the back
 * office shows these labels beside each line.
 */
export const STATEMENT_LINE_OUTCOME_LABELS: Record<StatementLineOutcome, string> = {
  issued: '已匹配订单，投保成功',
  review: '已匹配订单，待人工审核',
  refunded: '已匹配订单，未投保，已生成退款',
  duplicate: '重复支付，已生成退款',
  unmatched: '未匹配订单，待人工处理',
  already_imported: '已导入过，未重复记录',
};

export const STATEMENT_LINE_OUTCOMES = Object.keys(STATEMENT_LINE_OUTCOME_LABELS) as StatementLineOutcome[];

/**
 * A recorded line's outcome from what reconciliation left: the transfer's status, and for a matched
 * transfer the order's status once its batch was recorded (insured, or not — cancelled by the rules, or
 * no longer awaiting payment — in which case reconciliation created the refund).
 */
export function statementLineOutcome(recorded: { replayed: boolean; status: TransferStatus }, orderStatus: OrderStatus | undefined): StatementLineOutcome {
  if (recorded.replayed) return 'already_imported';
  switch (recorded.status) {
    case 'unmatched':
      return 'unmatched';
    case 'duplicate':
      return 'duplicate';
    case 'review':
      return 'review';
    default:
      return orderStatus === 'issued' ? 'issued' : 'refunded';
  }
}
