import type { Kysely, Transaction } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import type { Database } from '@/db/database';
import { getRecord } from '@/lib/back-office/get-record';
import { listRecords } from '@/lib/back-office/list-records';
import { runCommand } from '@/lib/back-office/run-command';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { refusalOf, TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { everyStateAndAction, tableOf } from '@/lib/lifecycle/testing/lifecycle-table';
import { rolledBack } from '@/lib/lifecycle/testing/rolled-back';
import { transition } from '@/lib/lifecycle/transition';
import { unpaidOrder } from '@/lib/orders/testing/test-orders';
import { recordTransfer } from '@/lib/payments/record-transfer';
import { paymentProblemAvailability } from './payment-problem-availability';
import { paymentTicketActions, paymentTicketLifecycle, type PaymentTicketStatus } from './payment-ticket-lifecycle';
import { paymentTicketResource, type PaymentTicketRecord } from './payment-ticket-resource';

const EXPECTED = {
  open: { answer: 'answered' },
  answered: {},
} as const;

describe('the payment ticket lifecycle', () => {
  it('is opened and answered once', () => {
    expect(tableOf(paymentTicketLifecycle)).toEqual(EXPECTED);
    expect(refusalOf(paymentTicketLifecycle, 'answer', 'answered').message).toBe('该问题已由其他管理员处理');
  });
});

describe.each(testDatabaseKinds)('payment tickets through the lifecycle kernel on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  let orderId: string;
  beforeAll(async () => {
    orderId = (await unpaidOrder(f, 'WLMQ-JS-2026-0158')).id;
  });

  const insertTicket = async () =>
    (await f.db
      .insertInto('payment_tickets')
      .values({ order_id: orderId, kind: 'paid_not_issued', message: '已付款未出函', status: 'open', created_by: f.actors.bidder.userId, created_at: SEEDED_AT })
      .returning('id')
      .executeTakeFirstOrThrow()).id;
  const read = (db: Kysely<Database> | Transaction<Database>, id: string) => db.selectFrom('payment_tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it.each(everyStateAndAction(paymentTicketLifecycle))('from %s, %s goes where the table says or is refused and changes nothing', async (state, action) => {
    const id = await insertTicket();
    const expected = (EXPECTED[state] as Record<string, string | undefined>)[action];
    const outcome = await rolledBack(f.db, async (trx) => {
      await trx.updateTable('payment_tickets').set({ status: state }).where('id', '=', id).execute();
      const before = await read(trx, id);
      try {
        const changed = await transition(trx, 'payment_tickets', paymentTicketLifecycle, { id, action, set: { answer: '已处理' } });
        return { status: changed.status, from: changed.from_status };
      } catch (error) {
        return { error, unchanged: JSON.stringify(await read(trx, id)) === JSON.stringify(before) };
      }
    });
    if (expected === undefined) {
      expect(outcome).toMatchObject({ unchanged: true, error: { code: 'CONFLICT', current: state, action } });
      expect((outcome as { error: unknown }).error).toBeInstanceOf(TransitionRefused);
    } else {
      expect(outcome).toEqual({ status: expected, from: state });
    }
    expect((await read(f.db, id)).status).toBe('open');
  });

  it('offers 提交处理结果 to the region\'s operators and the platform, on an open ticket only', () => {
    const { operator, otherOperator, compliance, platformAdmin, bidder } = f.actors;
    const offered = (status: PaymentTicketStatus) =>
      [operator, otherOperator, compliance, platformAdmin, bidder].map((actor) => paymentTicketActions({ status, region_id: '650100' }, actor));
    expect(offered('open')).toEqual([['answer'], [], [], ['answer'], []]);
    expect(offered('answered')).toEqual([[], [], [], [], []]);
  });

  it('lists open tickets with the answer offered, and answers by command once', async () => {
    const id = await insertTicket();
    const page = { sort: { field: 'created_at', order: 'desc' as const }, offset: 0, limit: 50, filter: { id: [id] } };
    expect((await listRecords(f.db, f.actors.operator, paymentTicketResource, page)).rows).toMatchObject([{ id, allowed_actions: ['answer'] }]);
    expect((await listRecords(f.db, f.actors.compliance, paymentTicketResource, page)).rows).toMatchObject([{ id, allowed_actions: [] }]);

    expect((await expectRefusal(runCommand(f.db, f.actors.operator, paymentTicketResource, id, 'close', { body: {} }))).code).toBe('NOT_FOUND');
    expect((await expectRefusal(runCommand(f.db, f.actors.compliance, paymentTicketResource, id, 'answer', { body: { answer: '已处理' } }))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(runCommand(f.db, f.actors.operator, paymentTicketResource, id, 'answer', { body: { answer: ' ' } }))).code).toBe('VALIDATION_FAILED');
    for (const body of [null, [], 'x', 42, { answer: {} }]) {
      expect((await expectRefusal(runCommand(f.db, f.actors.operator, paymentTicketResource, id, 'answer', { body }))).code).toBe('VALIDATION_FAILED');
    }
    const answered = (await runCommand(f.db, f.actors.operator, paymentTicketResource, id, 'answer', { body: { answer: '已核实，保单已出具' } })) as PaymentTicketRecord;
    expect(answered).toMatchObject({ id, status: 'answered', answer: '已核实，保单已出具', answered_by_name: f.actors.operator.name, allowed_actions: [] });
    const again = await expectRefusal(runCommand(f.db, f.actors.platformAdmin, paymentTicketResource, id, 'answer', { body: { answer: '再答' } }));
    expect([again.code, again.message]).toEqual(['CONFLICT', '该问题已由其他管理员处理']);
    expect((await getRecord(f.db, f.actors.operator, paymentTicketResource, id)).allowed_actions).toEqual([]);
    const audit = await f.db.selectFrom('audit_events').select(['action', 'actor_id']).where('entity_id', '=', id).execute();
    expect(audit).toEqual([{ action: 'payment_ticket.update', actor_id: f.actors.operator.userId }]);
  });

  it('offers the bidder 【支付遇到问题请点击】 by allowedActions: not before paying, at once for a second payment', async () => {
    const order = await unpaidOrder(f, 'WLMQ-CG-2026-0342');
    expect(await paymentProblemAvailability(f.db, order.id)).toMatchObject({ available: false, allowedActions: [] });
    const enterprise = await f.db.selectFrom('enterprises').selectAll().where('id', '=', f.actors.bidder.enterpriseId!).executeTakeFirstOrThrow();
    const pay = (n: number) =>
      recordTransfer(f.db, 'demo', 'webhook', {
        transactionId: `LC-TICKET-${kind}-${n}`, amountFen: order.premiumFen, payerName: enterprise.name, payerAccount: enterprise.basic_account_number,
        payerKind: 'enterprise', remark: order.remarkCode, bankTime: SEEDED_AT,
      });
    await pay(1);
    expect((await paymentProblemAvailability(f.db, order.id)).allowedActions).toEqual([]);
    expect((await pay(2)).status).toBe('duplicate');
    expect(await paymentProblemAvailability(f.db, order.id)).toMatchObject({ available: true, allowedActions: ['openTicket'], hasDuplicatePayment: true });
  });
});
