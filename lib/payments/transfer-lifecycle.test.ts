import type { Kysely, Transaction } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import type { Database, TransferStatus } from '@/db/database';
import { getRecord } from '@/lib/back-office/get-record';
import { runCommand } from '@/lib/back-office/run-command';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { refusalOf, TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { everyStateAndAction, tableOf } from '@/lib/lifecycle/testing/lifecycle-table';
import { rolledBack } from '@/lib/lifecycle/testing/rolled-back';
import { transition } from '@/lib/lifecycle/transition';
import { unpaidOrder } from '@/lib/orders/testing/test-orders';
import { newTransferRow } from './record-transfer';
import { transferResource, type TransferRecord } from './transfer-resource';
import { transferActions, transferLifecycle, type TransferAction } from './transfer-lifecycle';

/** The transfer lifecycle written out by hand: every state, and where each action possible from it leads. */
const EXPECTED = {
  unmatched: { match: '=', reconcileMatched: 'matched', reconcileDuplicate: 'duplicate', reconcileReview: 'review', return: 'returned' },
  review: { approve: 'matched', reject: 'matched' },
  matched: {},
  duplicate: {},
  returned: {},
} as const;

describe('the transfer lifecycle', () => {
  it('is the table of states and actions operators and the payment rules work by', () => {
    expect(tableOf(transferLifecycle)).toEqual(EXPECTED);
  });

  it('keeps the refusal operators read when another operator settled the transfer first', () => {
    expect(refusalOf(transferLifecycle, 'approve', 'matched').message).toBe('该转账当前为「已匹配订单」，可能已由其他管理员处理，请刷新后查看');
    expect(refusalOf(transferLifecycle, 'return', 'returned').message).toBe('该转账当前为「已退回」，可能已由其他管理员处理，请刷新后查看');
    expect(refusalOf(transferLifecycle, 'reconcileReview', 'returned').message).toBe('转账当前状态为「已退回」，不能转人工审核');
  });
});

describe.each(testDatabaseKinds)('bank transfers through the lifecycle kernel on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  let txn = 0;

  /** A transfer as a bank reports it, inserted directly: no remark, so no order. */
  const insertTransfer = async (over: { status?: TransferStatus; regionId?: string | null; orderId?: string | null; amountFen?: number } = {}) => {
    const row = newTransferRow('demo', 'statement', {
      transactionId: `LC-${kind}-${++txn}`, amountFen: over.amountFen ?? 10_000, payerName: '新疆天山建设工程有限公司', payerAccount: '3002012309024567812',
      payerKind: 'enterprise', remark: '', bankTime: SEEDED_AT,
    }, over.regionId ?? null);
    const { id } = await f.db
      .insertInto('bank_transfers')
      .values({ ...row, status: over.status ?? 'unmatched', order_id: over.orderId ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  };
  const read = (db: Kysely<Database> | Transaction<Database>, id: string) => db.selectFrom('bank_transfers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it.each(everyStateAndAction(transferLifecycle))('from %s, %s goes where the table says or is refused and changes nothing', async (state, action) => {
    const id = await insertTransfer();
    const expected = (EXPECTED[state] as Partial<Record<TransferAction, string>>)[action];
    const outcome = await rolledBack(f.db, async (trx) => {
      await trx.updateTable('bank_transfers').set({ status: state }).where('id', '=', id).execute();
      const before = await read(trx, id);
      try {
        const changed = await transition(trx, 'bank_transfers', transferLifecycle, { id, action, set: { handling_note: `试 ${action}` } });
        return { status: changed.status, from: changed.from_status };
      } catch (error) {
        return { error, unchanged: JSON.stringify(await read(trx, id)) === JSON.stringify(before) };
      }
    });
    if (expected === undefined) {
      expect(outcome).toMatchObject({ unchanged: true });
      expect((outcome as { error: unknown }).error).toBeInstanceOf(TransitionRefused);
      expect((outcome as { error: TransitionRefused }).error).toMatchObject({ code: 'CONFLICT', current: state, action });
    } else {
      expect(outcome).toEqual({ status: expected === '=' ? state : expected, from: state });
    }
    // Rolled back: the transfer is as it was inserted.
    expect((await read(f.db, id)).status).toBe('unmatched');
  });

  it('offers each kind of reader only what it may do', () => {
    const { operator, otherOperator, compliance, platformAdmin, bidder } = f.actors;
    const offered = (status: TransferStatus, regionId: string | null) =>
      [operator, otherOperator, compliance, platformAdmin, bidder].map((actor) => transferActions({ status, region_id: regionId }, actor));
    // A statement line of 乌鲁木齐: its operators and the platform; not 克拉玛依's, not compliance, not a bidder.
    expect(offered('unmatched', '650100')).toEqual([['match', 'return'], [], [], ['match', 'return'], []]);
    expect(offered('review', '650100')).toEqual([['approve', 'reject'], [], [], ['approve', 'reject'], []]);
    // Claimed by no region yet: any operator may match it to an order of their own; only the platform returns it.
    expect(offered('unmatched', null)).toEqual([['match'], ['match'], [], ['match', 'return'], []]);
    for (const settled of ['matched', 'duplicate', 'returned'] as const) {
      expect(offered(settled, '650100')).toEqual([[], [], [], [], []]);
    }
  });

  it('sends the allowed actions with the record, and answers a command with the record as it now is', async () => {
    const id = await insertTransfer({ regionId: '650100' });
    expect((await getRecord(f.db, f.actors.operator, transferResource, id)).allowed_actions).toEqual(['match', 'return']);
    expect((await getRecord(f.db, f.actors.compliance, transferResource, id)).allowed_actions).toEqual([]);

    expect((await expectRefusal(runCommand(f.db, f.actors.operator, transferResource, id, 'delete', { body: {} }))).code).toBe('NOT_FOUND');
    expect((await expectRefusal(runCommand(f.db, f.actors.operator, transferResource, id, 'toString', { body: {} }))).code).toBe('NOT_FOUND');
    expect((await expectRefusal(runCommand(f.db, f.actors.compliance, transferResource, id, 'return', { body: { note: '退回' } }))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(runCommand(f.db, f.actors.otherOperator, transferResource, id, 'return', { body: { note: '退回' } }))).code).toBe('OTHER_REGION');
    for (const command of ['match', 'return', 'approve', 'reject']) {
      for (const body of [null, [], 'x', 42, { order_number: {}, note: [], reason: {} }]) {
        expect((await expectRefusal(runCommand(f.db, f.actors.operator, transferResource, id, command, { body }))).status).toBeLessThan(500);
      }
    }
    expect((await read(f.db, id)).status).toBe('unmatched');

    const returned = (await runCommand(f.db, f.actors.operator, transferResource, id, 'return', { body: { note: '非本平台款项' } })) as TransferRecord & { allowed_actions: string[] };
    expect(returned).toMatchObject({ id, status: 'returned', handling_note: '非本平台款项', allowed_actions: [] });
    const again = await expectRefusal(runCommand(f.db, f.actors.operator, transferResource, id, 'return', { body: { note: '再次退回' } }));
    expect([again.code, again.message]).toEqual(['CONFLICT', '该转账当前为「已退回」，可能已由其他管理员处理，请刷新后查看']);
  });

  it('matches by command, and the rules judge the transfer', async () => {
    const order = await unpaidOrder(f, 'WLMQ-JS-2026-0158');
    const id = await insertTransfer({ amountFen: order.premiumFen });
    const matched = (await runCommand(f.db, f.actors.operator, transferResource, id, 'match', { body: { order_number: order.orderNumber, note: '电话核实' } })) as TransferRecord;
    // No remark: the seed's rules refuse the payment; the transfer is matched to the cancelled order.
    expect(matched).toMatchObject({ status: 'matched', order_id: order.id, order_status: 'cancelled', region_id: '650100', allowed_actions: [] });
  });

  it.each([
    ['approve', 'issued'],
    ['reject', 'cancelled'],
  ] as const)('settles a transfer in review by the command %s, whatever decision the body names', async (command, orderStatus) => {
    const order = await unpaidOrder(f, 'WLMQ-CG-2026-0342');
    await f.db.updateTable('orders').set({ status: 'payment_review' }).where('id', '=', order.id).execute();
    const id = await insertTransfer({ status: 'review', regionId: '650100', orderId: order.id, amountFen: order.premiumFen });
    expect((await getRecord(f.db, f.actors.platformAdmin, transferResource, id)).allowed_actions).toEqual(['approve', 'reject']);
    const body = { decision: command === 'approve' ? 'reject' : 'approve', reason: '已与投标人核实' };
    const settled = (await runCommand(f.db, f.actors.operator, transferResource, id, command, { body })) as TransferRecord;
    expect(settled).toMatchObject({ status: 'matched', order_status: orderStatus, handling_note: '已与投标人核实', allowed_actions: [] });
    const audit = await f.db.selectFrom('audit_events').select('action').where('entity_id', '=', id).execute();
    expect(audit).toEqual([{ action: `bank_transfer.${command}` }]);
  });
});
