import type { Kysely } from 'kysely';
import type { Database, Enterprise } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { canTake } from '@/lib/lifecycle/lifecycle';
import { detailsOf, type EnterpriseDetails } from './enterprise-details';
import { awaitsReview, ENTERPRISE_STATUS_LABELS, enterpriseLifecycle, isVerified, wasRejected } from './enterprise-lifecycle';
import { getEnterpriseProfile } from './get-enterprise-profile';

/** 申请投标保函, and after 认证未通过 重新提交认证: what a bidder may do as its enterprise's review stands. */
export type MyEnterpriseAction = 'applyForGuarantee' | 'resubmit';

/** The bidder's own enterprise and where its 企业认证审核 stands, for the bidder pages. */
export interface MyEnterpriseStanding {
  enterprise: Enterprise;
  statusLabel: string;
  /** 待认证审核: it may browse sections; applying opens once an operator of its region has approved it. */
  awaitingReview: boolean;
  /** 认证未通过: the operator's reason, which the bidder reads before correcting and submitting again. */
  rejectionReason: string | null;
  /** The correction form starts from what the enterprise registered. */
  details: EnterpriseDetails;
  allowedActions: MyEnterpriseAction[];
}

/** The bidder's moves: apply once verified; submit again once rejected. */
export function myEnterpriseActions(enterprise: Pick<Enterprise, 'status'>): MyEnterpriseAction[] {
  const actions: MyEnterpriseAction[] = [];
  if (isVerified(enterprise.status)) actions.push('applyForGuarantee');
  if (canTake(enterpriseLifecycle, 'resubmit', enterprise.status)) actions.push('resubmit');
  return actions;
}

/** As getEnterpriseProfile, only the actor's own enterprise; anyone else is told "not found". */
export async function getMyEnterpriseStanding(db: Kysely<Database>, actor: Actor): Promise<MyEnterpriseStanding> {
  const enterprise = await getEnterpriseProfile(db, actor, actor.enterpriseId ?? '');
  const allowedActions = myEnterpriseActions(enterprise);
  return {
    enterprise,
    statusLabel: ENTERPRISE_STATUS_LABELS[enterprise.status],
    awaitingReview: awaitsReview(enterprise.status),
    rejectionReason: wasRejected(enterprise.status) ? enterprise.review_reason : null,
    details: detailsOf(enterprise),
    allowedActions,
  };
}
