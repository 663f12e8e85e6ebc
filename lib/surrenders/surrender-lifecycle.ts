import type { SurrenderStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { mayWrite } from '@/lib/auth/authorize';
import { actionsFrom, defineLifecycle } from '@/lib/lifecycle/lifecycle';
import { SURRENDER_STATUS_LABELS } from './surrender-labels';

/** What a bidder hears asking to complete a refund account no surrender of its order waits for. */
export const NO_SURRENDER_AWAITS_ACCOUNT = '该订单没有待完善退保账户信息的退保申请';

/**
 * A surrender is applied for (apply-for-surrender.ts) 待审核, or 待完善退保账户 when the rules want the
 * refund account first; the bidder then gives the account, and an operator approves (the order is
 * surrendered and its premium refunded) or rejects it (the order is insured again). Approved and rejected
 * are final: the bidder may apply anew after a rejection.
 */
export const surrenderLifecycle = defineLifecycle({
  noun: '退保申请',
  states: SURRENDER_STATUS_LABELS,
  initial: ['awaiting_account', 'submitted'],
  actions: {
    completeRefundAccount: { label: '完善退保账户信息', from: ['awaiting_account'], to: 'submitted' },
    approve: { label: '审核通过', from: ['submitted'], to: 'approved' },
    /** Also while the account is missing, which a bidder might otherwise leave open for ever. */
    reject: { label: '驳回', from: ['submitted', 'awaiting_account'], to: 'rejected' },
  },
  refusal(action, current) {
    if (action === 'completeRefundAccount') return NO_SURRENDER_AWAITS_ACCOUNT;
    if (action === 'approve' && current === 'awaiting_account') return '投标人尚未完善退保账户信息，暂不能审核通过';
    return '该退保申请已审核，不能重复审核';
  },
});

export type SurrenderAction = (typeof surrenderLifecycle.actionNames)[number];

/** The bidder's own move; the others are the review by the operators of the project's region. */
const BIDDER_ACTIONS = new Set<SurrenderAction>(['completeRefundAccount']);

/** A surrender as far as who may act on it goes: its state, the project's region and the order's enterprise. */
export interface SurrenderParties {
  status: SurrenderStatus;
  region_id: string | null;
  enterprise_id: string;
}

/**
 * What the reader may do to the surrender now: the lifecycle's actions from its state that are the reader's —
 * the bidder of the order's own enterprise gives the refund account, whoever may write in the project's
 * region reviews (compliance never does).
 */
export function allowedSurrenderActions(record: SurrenderParties, actor: Actor): SurrenderAction[] {
  return actionsFrom(surrenderLifecycle, record.status).filter((action) =>
    BIDDER_ACTIONS.has(action)
      ? actor.role === 'bidder' && actor.enterpriseId !== null && actor.enterpriseId === record.enterprise_id
      : mayWrite(actor, record.region_id),
  );
}

/** Operators have decided it: 已通过 or 已驳回, and nothing more will happen to it. */
export function isDecided(status: SurrenderStatus): boolean {
  return status === 'approved' || status === 'rejected';
}

/** Eligible, but the bidder must still name the account the premium goes back to before any review. */
export function awaitsRefundAccount(status: SurrenderStatus): boolean {
  return status === 'awaiting_account';
}
