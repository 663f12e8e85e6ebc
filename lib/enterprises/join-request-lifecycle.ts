import type { JoinRequestStatus } from '@/db/database';
import { defineLifecycle } from '@/lib/lifecycle/lifecycle';

export const JOIN_REQUEST_STATUS_LABELS: Record<JoinRequestStatus, string> = {
  pending: '待审批',
  approved: '已加入',
  rejected: '已拒绝',
};

/**
 * A second registration for an enterprise already on the platform asks to join it: the enterprise's first
 * user approves (the person gets an account of the enterprise) or rejects it.
 */
export const joinRequestLifecycle = defineLifecycle({
  noun: '加入企业申请',
  states: JOIN_REQUEST_STATUS_LABELS,
  initial: ['pending'],
  actions: {
    approve: { label: '同意加入', from: ['pending'], to: 'approved' },
    reject: { label: '拒绝', from: ['pending'], to: 'rejected' },
  },
  refusal: () => '该加入申请已处理',
});

export type JoinRequestAction = (typeof joinRequestLifecycle.actionNames)[number];
