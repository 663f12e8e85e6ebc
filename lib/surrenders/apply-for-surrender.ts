import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, SurrenderStatus } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { assertMayAskForMyOrder, loadMyOrder } from '@/lib/orders/load-my-order';
import { orderLifecycle } from '@/lib/orders/order-lifecycle';
import { assertCanTake } from '@/lib/lifecycle/lifecycle';
import { transitionOrder } from '@/lib/orders/transition-order';
import { decide } from '@/lib/rules/decide';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { summarizeOutcome } from '@/rules/explain-decision';
import { describeSurrenderBasis, readSurrenderSituation } from './surrender-facts';
import { describeClause, SURRENDER_REASON_LABELS } from './surrender-labels';

const inputSchema = z.object({
  reason: z.enum(['abandon_bid', 'project_anomaly'], { error: '请选择退保原因' }),
  note: z.string({ error: '补充说明无效' }).trim().max(500, { error: '补充说明不能超过 500 个字符' }).default(''),
});

export interface AppliedSurrender {
  id: string;
  status: SurrenderStatus;
  clause: number;
  refundAccountRequired: boolean;
}

/**
 * 【申请退保】: the bidder of an insured order says why (放弃投标 or 项目异常) and the surrender rules of the
 * project's region decide. Eligible: the surrender is recorded with the clause it rests on and the order
 * goes to 退保审核中, waiting for the refund account first when the rules ask for one. Not eligible: the
 * bidder is told which rule says no, and only the decision is kept (in the decision log, for compliance).
 */
export async function applyForSurrender(db: Kysely<Database>, actor: Actor, orderId: string, input: unknown): Promise<AppliedSurrender> {
  assertMayAskForMyOrder(actor, orderId);
  const { reason, note } = parseInput(inputSchema, input);

  const result = await writeTransaction(db, async (trx) => {
    // Locked first, so two applications for the same order are decided one after the other.
    const mine = await loadMyOrder(trx, actor, orderId, { lock: true });
    const order = await readSurrenderSituation(trx, mine.id);
    assertCanTake(orderLifecycle, 'applySurrender', order.orderStatus);
    const facts = order.factsFor(reason);
    const decision = await decide(trx, 'surrender-eligibility', facts, { region: order.regionId, subject: { type: 'order', id: order.orderId } });
    const outcome = decision.outcome;
    // Returned rather than thrown: the transaction commits the logged decision and nothing else.
    if (!outcome.eligible) return { refused: summarizeOutcome('surrender-eligibility', outcome), facts } as const;

    // Without a paying transfer there is no account to send the money back to, whatever the rules say.
    const accountRequired = outcome.refundAccountRequired || !order.hasPayingTransfer;
    const at = now();
    const surrender = await trx
      .insertInto('surrenders')
      .values({
        order_id: order.orderId,
        status: accountRequired ? 'awaiting_account' : 'submitted',
        bidder_reason: reason,
        note,
        clause: outcome.clause,
        refund_account_required: accountRequired,
        decision_id: decision.decisionId ?? null,
        created_by: actor.userId,
        created_at: at,
        submitted_at: accountRequired ? null : at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await transitionOrder(trx, actor, order.orderId, 'applySurrender', {
      reason: `申请退保（${SURRENDER_REASON_LABELS[reason]}），依据${describeClause(outcome.clause)}`,
      decisionId: decision.decisionId,
    });
    await appendAuditEvent(trx, actor, {
      action: 'surrender.apply',
      entityType: 'surrender',
      entityId: surrender.id,
      regionId: order.regionId,
      after: surrender,
      reason: note || null,
    });
    return { refused: null, surrender } as const;
  });

  if (result.refused !== null) {
    throw new DomainError('RULE_REFUSED', `${result.refused}。判定依据：${describeSurrenderBasis(result.facts, reason)}。`);
  }
  const { surrender } = result;
  return { id: surrender.id, status: surrender.status, clause: surrender.clause, refundAccountRequired: surrender.refund_account_required };
}
