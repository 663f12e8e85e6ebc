import { sql, type Kysely, type Transaction } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, SurrenderStatus } from '@/db/database';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { getRecord } from '@/lib/back-office/get-record';
import { runCommand } from '@/lib/back-office/run-command';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { everyStateAndAction, tableOf } from '@/lib/lifecycle/testing/lifecycle-table';
import { rolledBack } from '@/lib/lifecycle/testing/rolled-back';
import { transition } from '@/lib/lifecycle/transition';
import { getMyOrder } from '@/lib/orders/get-my-order';
import { applyForSurrender } from './apply-for-surrender';
import { listMySurrenders, loadMySurrenders } from './list-my-surrenders';
import { allowedSurrenderActions, surrenderLifecycle, type SurrenderAction } from './surrender-lifecycle';
import { surrenderResource } from './surrender-resource';
import { orderOnNewProject } from '@/lib/orders/testing/order-on-new-project';

describe('the surrender lifecycle', () => {
  it('has exactly these states and edges', () => {
    expect(tableOf(surrenderLifecycle)).toEqual({
      awaiting_account: { completeRefundAccount: 'submitted', reject: 'rejected' },
      submitted: { approve: 'approved', reject: 'rejected' },
      approved: {},
      rejected: {},
    });
    expect(surrenderLifecycle.initial).toEqual(['awaiting_account', 'submitted']);
  });
});

describe.each(testDatabaseKinds)('surrender transitions on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  let orderId: string;
  beforeAll(async () => {
    orderId = (await orderOnNewProject(f)).orderId;
  });

  /** A surrender of the order put straight into `status`, in the caller's transaction (one open per order). */
  const surrenderIn = async (trx: Transaction<Database>, status: SurrenderStatus) => {
    const reviewed = status === 'approved' || status === 'rejected';
    const { rows } = await sql<{ id: string }>`
      insert into surrenders (order_id, status, bidder_reason, clause, refund_account_required, created_by, created_at,
                              submitted_at, reviewed_by, reviewed_at, review_reason)
      values (${orderId}, ${status}, 'abandon_bid', 1, ${status === 'awaiting_account'}, ${f.actors.bidder.userId}, ${SEEDED_AT},
              ${status === 'awaiting_account' ? null : SEEDED_AT}::timestamptz, ${reviewed ? f.actors.operator.userId : null}::uuid,
              ${reviewed ? SEEDED_AT : null}::timestamptz, ${reviewed ? '已审核' : null})
      returning id`.execute(trx);
    return rows[0]!.id;
  };
  const rowOf = (db: Kysely<Database>, id: string) => db.selectFrom('surrenders').selectAll().where('id', '=', id).executeTakeFirst();
  const table = tableOf(surrenderLifecycle);

  it.each(everyStateAndAction(surrenderLifecycle))('from %s, %s follows the table', async (state, action) => {
    const expected = table[state][action];
    const outcome = await rolledBack(f.db, async (trx) => {
      const id = await surrenderIn(trx, state);
      const before = await rowOf(trx, id);
      const result = await transition(trx, 'surrenders', surrenderLifecycle, { id, action }).catch((error: unknown) => error);
      return { id, before, result, after: await rowOf(trx, id) };
    });
    if (expected) {
      const to = expected === '=' ? state : expected;
      expect(outcome.result).toMatchObject({ id: outcome.id, from_status: state, status: to });
      expect(outcome.after).toEqual({ ...outcome.before, status: to });
    } else {
      expect(outcome.result).toBeInstanceOf(TransitionRefused);
      expect(outcome.result).toMatchObject({ code: 'CONFLICT', current: state });
      expect(outcome.after).toEqual(outcome.before);
    }
    expect(await rowOf(f.db, outcome.id)).toBeUndefined();
  });

  it('keeps the refusals people have always read', async () => {
    const refusal = (action: SurrenderAction, state: SurrenderStatus) =>
      rolledBack(f.db, async (trx) =>
        (await expectRefusal(transition(trx, 'surrenders', surrenderLifecycle, { id: await surrenderIn(trx, state), action }))).message,
      );
    expect(await refusal('approve', 'awaiting_account')).toBe('投标人尚未完善退保账户信息，暂不能审核通过');
    expect(await refusal('approve', 'rejected')).toBe('该退保申请已审核，不能重复审核');
    expect(await refusal('reject', 'approved')).toBe('该退保申请已审核，不能重复审核');
    expect(await refusal('completeRefundAccount', 'submitted')).toBe('该订单没有待完善退保账户信息的退保申请');
  });

  it('offers each kind of reader only its own actions', () => {
    const { bidder, otherBidder, operator, otherOperator, compliance, platformAdmin } = f.actors;
    const actionsOf = (actor: typeof bidder) =>
      Object.fromEntries(
        surrenderLifecycle.stateNames.map((status) => [
          status,
          allowedSurrenderActions({ status, region_id: operator.regionId, enterprise_id: bidder.enterpriseId! }, actor),
        ]),
      );
    const review = { awaiting_account: ['reject'], submitted: ['approve', 'reject'], approved: [], rejected: [] };
    const nothing = { awaiting_account: [], submitted: [], approved: [], rejected: [] };
    expect(actionsOf(operator)).toEqual(review);
    expect(actionsOf(platformAdmin)).toEqual(review);
    expect(actionsOf(otherOperator)).toEqual(nothing);
    expect(actionsOf(compliance)).toEqual(nothing);
    expect(actionsOf(bidder)).toEqual({ awaiting_account: ['completeRefundAccount'], submitted: [], approved: [], rejected: [] });
    expect(actionsOf(otherBidder)).toEqual(nothing);
  });

  it('sends the actions with the records and decides through the resource\'s commands', async () => {
    const { orderId: issued } = await orderOnNewProject(f);
    expect((await loadMySurrenders(f.db, f.actors.bidder, issued)).allowedActions).toEqual(['applySurrender']);
    const applied = await applyForSurrender(f.db, f.actors.bidder, issued, { reason: 'abandon_bid' });
    expect(await loadMySurrenders(f.db, f.actors.bidder, issued)).toMatchObject({
      allowedActions: [],
      surrenders: [{ id: applied.id, status: 'submitted', allowedActions: [] }],
    });
    expect((await getRecord(f.db, f.actors.operator, surrenderResource, applied.id)).allowed_actions).toEqual(['approve', 'reject']);
    expect((await getRecord(f.db, f.actors.compliance, surrenderResource, applied.id)).allowed_actions).toEqual([]);

    const command = (actor: typeof f.actors.operator, name: string, body: unknown = {}) =>
      runCommand(f.db, actor, surrenderResource, applied.id, name, { body });
    expect((await expectRefusal(command(f.actors.operator, 'surrender'))).code).toBe('NOT_FOUND');
    expect((await expectRefusal(command(f.actors.compliance, 'approve'))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(command(f.actors.otherOperator, 'approve'))).code).toBe('OTHER_REGION');
    expect((await expectRefusal(command(f.actors.operator, 'reject', { reason: '' }))).code).toBe('VALIDATION_FAILED');
    const approved = await command(f.actors.operator, 'approve', { reason: '材料齐全' });
    expect(approved).toMatchObject({ status: 'approved', order_status: 'surrendered', review_reason: '材料齐全', allowed_actions: [] });
    const again = await expectRefusal(command(f.actors.platformAdmin, 'reject', { reason: '重复驳回' }));
    expect([again.code, again.message]).toEqual(['CONFLICT', '该退保申请已审核，不能重复审核']);
    expect((await getMyOrder(f.db, f.actors.bidder, issued)).status).toBe('surrendered');
    expect((await listMySurrenders(f.db, f.actors.bidder, issued))[0]).toMatchObject({ status: 'approved', allowedActions: [] });
  });
});
