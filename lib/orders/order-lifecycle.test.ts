import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrderStatus } from '@/db/database';
import { TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { lockForAction } from '@/lib/lifecycle/transition';
import { everyStateAndAction, tableOf } from '@/lib/lifecycle/testing/lifecycle-table';
import { rolledBack } from '@/lib/lifecycle/testing/rolled-back';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { bidderOrderActions, isPaid, orderLifecycle, awaitsIssuance, type OrderAction } from './order-lifecycle';
import { unpaidOrder } from './testing/test-orders';
import { transitionOrder } from './transition-order';

// The order lifecycle of DESIGN.md, written out by hand: '=' is possible and changes no state.
const EXPECTED = {
  pending_payment: { pay: '=', editApplication: '=', receivePayment: 'payment_review', expire: 'cancelled', abandon: 'abandoned' },
  payment_review: { acceptPayment: 'issued', rejectPayment: 'cancelled' },
  issued: { applySurrender: 'surrender_review', downloadPolicy: '=', viewInvoicing: '=' },
  cancelled: { abandon: 'abandoned' },
  abandoned: {},
  surrender_review: { approveSurrender: 'surrendered', rejectSurrender: 'issued', downloadPolicy: '=', viewInvoicing: '=' },
  surrendered: { viewInvoicing: '=' },
} as const;

describe('the order lifecycle', () => {
  it('has exactly the edges of DESIGN.md, from every state', () => {
    expect(tableOf(orderLifecycle)).toEqual(EXPECTED);
  });

  it('offers the bidder only the bidder’s own actions', () => {
    expect(bidderOrderActions('pending_payment')).toEqual(['pay', 'editApplication', 'abandon']);
    expect(bidderOrderActions('payment_review')).toEqual([]);
    expect(bidderOrderActions('issued')).toEqual(['applySurrender', 'downloadPolicy', 'viewInvoicing']);
    expect(bidderOrderActions('cancelled')).toEqual(['abandon']);
    expect(bidderOrderActions('surrendered')).toEqual(['viewInvoicing']);
  });

  it('knows when a payment has not led to a policy', () => {
    expect(orderLifecycle.stateNames.filter(awaitsIssuance)).toEqual(['payment_review']);
  });

  it('counts a premium as paid from payment review on', () => {
    const paid = orderLifecycle.stateNames.filter(isPaid);
    expect(paid).toEqual(['payment_review', 'issued', 'surrender_review', 'surrendered']);
  });

  it('refuses a definition that names a state it does not have', async () => {
    const { defineLifecycle } = await import('@/lib/lifecycle/lifecycle');
    expect(() => defineLifecycle({ noun: '测试', states: { a: '甲' }, initial: ['a'], actions: { go: { label: '前进', from: ['a'], to: 'b' as 'a' } } })).toThrow(/unknown state b/);
  });
});

describe.each(testDatabaseKinds)('order transitions, every state × every action, on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  let orderId: string;
  beforeAll(async () => {
    orderId = (await unpaidOrder(f, 'WLMQ-JS-2026-0158')).id;
  });

  /** Puts the order in `state`, tries `action` and reports what became of it; then undoes everything. */
  function attempt(state: OrderStatus, action: OrderAction) {
    return rolledBack(f.db, async (trx): Promise<{ to: OrderStatus; events: number } | { refused: TransitionRefused; status: OrderStatus; events: number }> => {
      await sql`update orders set status = ${state} where id = ${orderId}`.execute(trx);
      const eventsBefore = Number((await sql<{ n: number }>`select count(*)::int as n from order_events where order_id = ${orderId}`.execute(trx)).rows[0]!.n);
      const events = async () => Number((await sql<{ n: number }>`select count(*)::int as n from order_events where order_id = ${orderId}`.execute(trx)).rows[0]!.n) - eventsBefore;
      const status = async () => (await trx.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirstOrThrow()).status;
      try {
        if (orderLifecycle.actions[action].to) await transitionOrder(trx, f.actors.operator, orderId, action, { reason: '表驱动测试' });
        else await lockForAction(trx, 'orders', orderLifecycle, orderId, action);
        return { to: await status(), events: await events() };
      } catch (error) {
        if (!(error instanceof TransitionRefused)) throw error;
        return { refused: error, status: await status(), events: await events() };
      }
    });
  }

  it('takes exactly the edges the table has, writing one timeline line each, and refuses the rest changing nothing', async () => {
    for (const [state, action] of everyStateAndAction(orderLifecycle)) {
      const expected = (EXPECTED[state] as Partial<Record<OrderAction, string>>)[action];
      const outcome = await attempt(state, action);
      const label = `${state} × ${action}`;
      if (expected === undefined) {
        expect('refused' in outcome, label).toBe(true);
        if ('refused' in outcome) {
          expect(outcome.refused.code, label).toBe('CONFLICT');
          expect(outcome.refused.current, label).toBe(state);
          expect(outcome.status, label).toBe(state);
          expect(outcome.events, label).toBe(0);
        }
      } else {
        expect(outcome, label).toEqual({ to: expected === '=' ? state : expected, events: expected === '=' ? 0 : 1 });
      }
    }
  });

  it('says why in the words a person reads', async () => {
    const outcome = await attempt('cancelled', 'applySurrender');
    expect('refused' in outcome && outcome.refused.message).toBe('订单当前状态为「已取消」，只有投保成功的订单可以申请退保');
    const download = await attempt('surrendered', 'downloadPolicy');
    expect('refused' in download && download.refused.message).toBe('该保单已退保失效，不再提供下载');
    const other = await attempt('abandoned', 'acceptPayment');
    expect('refused' in other && other.refused.message).toBe('订单当前状态为「已放弃」，不能支付审核通过');
  });

  it('answers not found for an order that does not exist', async () => {
    const missing = await f.db
      .transaction()
      .execute((trx) => transitionOrder(trx, null, '00000000-0000-4000-8000-000000000000', 'abandon', { reason: '不存在' }))
      .catch((error: unknown) => error);
    expect(missing).toMatchObject({ code: 'NOT_FOUND' });
  });
});
