import type { Actor } from '@/lib/auth/actor';
import { defineRetryQueueLifecycle, retryQueueActions, type RetryQueueAction, type RetryQueueState, type RetryQueueStatus } from '@/lib/back-office/retry-queue';

export const BANK_NOTIFICATION_STATUS_LABELS: Record<RetryQueueStatus, string> = {
  pending: '待入账',
  done: '已入账',
};

/**
 * A bank's notification, stored and acknowledged: pending until the processor records its transfer
 * (complete, in the transaction that records it); a failed attempt is written on it and it is tried again,
 * at its next attempt or at once when an operator asks (立即重试).
 */
export const bankNotificationLifecycle = defineRetryQueueLifecycle({
  noun: '银行通知',
  states: BANK_NOTIFICATION_STATUS_LABELS,
  complete: '入账',
  alreadyDone: '该银行通知已入账，无需重试',
});

export type BankNotificationAction = RetryQueueAction;

/**
 * What the reader may do to the notification now. A notification belongs to no region until its transfer
 * is matched: every operator, and the platform, may have it tried again; compliance only reads.
 */
export function bankNotificationActions(notification: { status: RetryQueueStatus; state: RetryQueueState }, actor: Actor): BankNotificationAction[] {
  return retryQueueActions(bankNotificationLifecycle, notification, actor.role === 'operator' || actor.role === 'platform_admin');
}
