import type { OutboxStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { mayWrite } from '@/lib/auth/authorize';
import { canTake, defineLifecycle } from '@/lib/lifecycle/lifecycle';

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: '待投递',
  delivered: '已投递',
  failed: '投递失败',
};

/**
 * A message of the outbox: pending until an attempt delivers it; a failed attempt is written on it and it is
 * tried again later (recordFailure, no change of state) until its 24 hours of retries are over (giveUp →
 * 投递失败). 立即重试 has a failing or failed one tried at once, with another 24 hours of retries.
 */
export const outboxMessageLifecycle = defineLifecycle({
  noun: '推送消息',
  states: OUTBOX_STATUS_LABELS,
  initial: ['pending'],
  actions: {
    deliver: { label: '投递', from: ['pending'], to: 'delivered' },
    recordFailure: { label: '记录投递失败', from: ['pending'] },
    giveUp: { label: '停止重试', from: ['pending'], to: 'failed' },
    retryNow: { label: '立即重试', from: ['pending', 'failed'], to: 'pending' },
  },
  refusal: (action, current) => (action === 'retryNow' && current === 'delivered' ? '该消息已投递，无需重试' : undefined),
});

export type OutboxMessageAction = (typeof outboxMessageLifecycle.actionNames)[number];

/**
 * What the back office shows: 待投递 (not tried yet, or being delivered), 重试中 (an attempt failed, the next
 * one is scheduled), 已投递, 投递失败 (retries over).
 */
export type OutboxMessageState = 'pending' | 'retrying' | 'delivered' | 'failed';

export const OUTBOX_STATE_LABELS: Record<OutboxMessageState, string> = {
  pending: '待投递',
  retrying: '重试中',
  delivered: '已投递',
  failed: '投递失败',
};

export function outboxMessageState(message: { status: OutboxStatus; last_error: string | null }): OutboxMessageState {
  if (message.status === 'pending' && message.last_error !== null) return 'retrying';
  return message.status;
}

/** 立即重试 for a message that is failing or failed, to a reader who may write in its region. */
export function outboxMessageActions(message: { status: OutboxStatus; state: OutboxMessageState; region_id: string | null }, actor: Actor): OutboxMessageAction[] {
  const failing = message.state === 'retrying' || message.state === 'failed';
  return failing && mayWrite(actor, message.region_id) && canTake(outboxMessageLifecycle, 'retryNow', message.status) ? ['retryNow'] : [];
}
