import type { EnterpriseStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { mayWrite } from '@/lib/auth/authorize';
import { actionsFrom, defineLifecycle } from '@/lib/lifecycle/lifecycle';

export const ENTERPRISE_STATUS_LABELS: Record<EnterpriseStatus, string> = {
  pending_review: '待认证审核',
  verified: '已认证',
  rejected: '认证未通过',
};

/**
 * 企业认证审核: an enterprise registers (/register) 待认证审核; an operator of its region approves it or
 * rejects it with a reason the enterprise reads; a rejected enterprise corrects its details and submits
 * again. Only a verified enterprise applies for guarantees; every enterprise may browse sections.
 */
export const enterpriseLifecycle = defineLifecycle({
  noun: '企业认证',
  states: ENTERPRISE_STATUS_LABELS,
  initial: ['pending_review'],
  actions: {
    approve: { label: '认证通过', from: ['pending_review'], to: 'verified' },
    reject: { label: '驳回', from: ['pending_review'], to: 'rejected' },
    resubmit: { label: '重新提交认证', from: ['rejected'], to: 'pending_review' },
  },
  refusal(action, current) {
    if (action === 'resubmit') return current === 'verified' ? '企业已通过认证，无需重新提交' : '企业认证正在审核中';
    return '该企业认证已审核，不能重复审核';
  },
});

export type EnterpriseAction = (typeof enterpriseLifecycle.actionNames)[number];

/** May apply for guarantees (投保): the enterprise has passed 企业认证审核. */
export function isVerified(status: EnterpriseStatus): boolean {
  return status === 'verified';
}

/** 待认证审核: waiting for its region's operators. */
export function awaitsReview(status: EnterpriseStatus): boolean {
  return status === 'pending_review';
}

/** 认证未通过: the enterprise reads why, corrects its details and submits again. */
export function wasRejected(status: EnterpriseStatus): boolean {
  return status === 'rejected';
}

/** What the reader may do to the enterprise's review now: whoever may write in its region reviews. */
export function enterpriseReviewActions(enterprise: { status: EnterpriseStatus; region_id: string | null }, actor: Actor): EnterpriseAction[] {
  if (actor.role === 'bidder') return [];
  return mayWrite(actor, enterprise.region_id) ? actionsFrom(enterpriseLifecycle, enterprise.status).filter((a) => a !== 'resubmit') : [];
}
