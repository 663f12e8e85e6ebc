import { sql, type Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoActors } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import type { Database } from '@/db/database';
import { testDatabaseKinds } from '@/testing/test-database';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { loadMyOrder, type MyOrder } from './load-my-order';
import { unpaidOrder } from './testing/test-orders';

const NOT_FOUND = { code: 'NOT_FOUND', status: 404, message: '订单不存在或您无权查看' };

describe.each(testDatabaseKinds)('loadMyOrder on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  let order: { id: string; orderNumber: string };
  beforeAll(async () => {
    order = await unpaidOrder(f, 'WLMQ-JS-2026-0158');
  });

  const cases: { who: keyof DemoActors; id?: () => string; gets: 'the order' | 'not found'; why: string }[] = [
    { who: 'bidder', gets: 'the order', why: 'its own enterprise' },
    { who: 'otherBidder', gets: 'not found', why: "another enterprise's order, told as a missing one" },
    { who: 'operator', gets: 'not found', why: 'the back office does not use the bidder side' },
    { who: 'compliance', gets: 'not found', why: 'the back office does not use the bidder side' },
    { who: 'platformAdmin', gets: 'not found', why: 'the back office does not use the bidder side' },
    { who: 'bidder', id: () => '00000000-0000-4000-8000-000000000000', gets: 'not found', why: 'no such order' },
    { who: 'bidder', id: () => 'not-a-uuid', gets: 'not found', why: 'not an order id at all' },
  ];

  it.each(cases)('$who gets $gets ($why)', async ({ who, id, gets }) => {
    const load = loadMyOrder(f.db, f.actors[who], id ? id() : order.id);
    if (gets === 'the order') {
      const mine: MyOrder = await load;
      expect(mine).toMatchObject({ id: order.id, order_number: order.orderNumber, enterprise_id: f.actors.bidder.enterpriseId });
      const region = await f.db
        .selectFrom('sections')
        .innerJoin('projects', 'projects.id', 'sections.project_id')
        .where('sections.id', '=', mine.section_id)
        .select('projects.region_id')
        .executeTakeFirstOrThrow();
      expect(mine.region_id).toBe(region.region_id);
    } else {
      const error = await expectRefusal(load);
      expect({ code: error.code, status: error.status, message: error.message }).toEqual(NOT_FOUND);
    }
  });

  // A row this transaction locked carries the transaction's id as its xmax (PostgreSQL's row lock).
  const lockedByMe = (trx: Kysely<Database>, id: string) =>
    sql<{ mine: boolean | null }>`select o.xmax = pg_current_xact_id_if_assigned()::xid as mine from orders o where o.id = ${id}`
      .execute(trx)
      .then((r) => r.rows[0]!.mine === true);

  it('takes the order row for the rest of the transaction with { lock: true }, and only then', async () => {
    await f.db.transaction().execute(async (trx) => {
      await loadMyOrder(trx, f.actors.bidder, order.id);
      expect(await lockedByMe(trx, order.id)).toBe(false);
      await loadMyOrder(trx, f.actors.bidder, order.id, { lock: true });
      expect(await lockedByMe(trx, order.id)).toBe(true);
    });
  });

  it.runIf(kind === 'postgres')('keeps another connection from taking the locked order until the commit', async () => {
    await f.db.transaction().execute(async (trx) => {
      await loadMyOrder(trx, f.actors.bidder, order.id, { lock: true });
      const elsewhere = f.db.selectFrom('orders').select('id').where('id', '=', order.id).forUpdate().noWait().execute();
      await expect(elsewhere).rejects.toMatchObject({ code: '55P03' });
    });
    expect(await f.db.selectFrom('orders').select('id').where('id', '=', order.id).forUpdate().noWait().execute()).toHaveLength(1);
  });

  it('refuses another enterprise before locking anything', async () => {
    await f.db.transaction().execute(async (trx) => {
      await expectRefusal(loadMyOrder(trx, f.actors.otherBidder, order.id, { lock: true }));
      expect(await lockedByMe(trx, order.id)).toBe(false);
    });
  });

  it('will not pretend to lock outside a transaction', async () => {
    await expect(loadMyOrder(f.db, f.actors.bidder, order.id, { lock: true })).rejects.toThrow(/needs a transaction/);
  });
});
