import { sql, type Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/database';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { everyStateAndAction, tableOf } from '@/lib/lifecycle/testing/lifecycle-table';
import { rolledBack } from '@/lib/lifecycle/testing/rolled-back';
import { transition } from '@/lib/lifecycle/transition';
import { orderOnNewProject } from '@/lib/orders/testing/order-on-new-project';
import type { RefundStatus } from './refund-labels';
import { allowedRefundActions, refundLifecycle } from './refund-lifecycle';

describe('the refund lifecycle', () => {
  it('has exactly these states and edges', () => {
    expect(tableOf(refundLifecycle)).toEqual({
      pending: { markRefunded: 'refunded' },
      refunded: {},
    });
    expect(refundLifecycle.initial).toEqual(['pending']);
  });
});

describe.each(testDatabaseKinds)('refund transitions on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  let orderId: string;
  beforeAll(async () => {
    orderId = (await orderOnNewProject(f, { unpaid: true })).orderId;
  });

  /** A refund of the order put straight into `status`, as the database would hold it. */
  const refundIn = async (status: RefundStatus) => {
    const { rows } = await sql<{ id: string }>`
      insert into refunds (order_id, amount_fen, reason, due_date, status, refunded_at, bank_reference, created_at)
      values (${orderId}, 100, '测试退款', '2026-12-01', ${status},
              ${status === 'refunded' ? SEEDED_AT : null}::timestamptz, ${status === 'refunded' ? 'FIRST' : null}, ${SEEDED_AT})
      returning id`.execute(f.db);
    return rows[0]!.id;
  };
  const rowOf = (trx: Kysely<Database>, id: string) => trx.selectFrom('refunds').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const table = tableOf(refundLifecycle);

  it.each(everyStateAndAction(refundLifecycle))('from %s, %s follows the table', async (state, action) => {
    const id = await refundIn(state);
    const before = await rowOf(f.db, id);
    const expected = table[state][action];
    const outcome = await rolledBack(f.db, async (trx) => {
      const result = await transition(trx, 'refunds', refundLifecycle, { id, action }).catch((error: unknown) => error);
      return { result, row: await rowOf(trx, id) };
    });
    if (expected) {
      expect(outcome.result).toMatchObject({ id, from_status: state, status: expected === '=' ? state : expected });
      expect(outcome.row.status).toBe(expected === '=' ? state : expected);
    } else {
      expect(outcome.result).toBeInstanceOf(TransitionRefused);
      expect(outcome.result).toMatchObject({ code: 'CONFLICT', current: state });
      expect(outcome.row).toEqual(before);
    }
    expect(await rowOf(f.db, id)).toEqual(before);
  });

  it('offers 标记为已退款 on a pending refund to whoever may write in its region, and nothing on a paid one', () => {
    const { operator, otherOperator, compliance, platformAdmin, bidder } = f.actors;
    const pending = { status: 'pending' as const, region_id: operator.regionId };
    expect(allowedRefundActions(pending, operator)).toEqual(['markRefunded']);
    expect(allowedRefundActions(pending, otherOperator)).toEqual([]);
    expect(allowedRefundActions(pending, compliance)).toEqual([]);
    expect(allowedRefundActions(pending, bidder)).toEqual([]);
    expect(allowedRefundActions(pending, platformAdmin)).toEqual(['markRefunded']);
    // A returned transfer nobody matched: the platform's, not a region's.
    const platformRow = { status: 'pending' as const, region_id: null };
    expect(allowedRefundActions(platformRow, operator)).toEqual([]);
    expect(allowedRefundActions(platformRow, platformAdmin)).toEqual(['markRefunded']);
    for (const actor of [operator, otherOperator, compliance, platformAdmin]) {
      expect(allowedRefundActions({ status: 'refunded', region_id: operator.regionId }, actor)).toEqual([]);
    }
  });
});
