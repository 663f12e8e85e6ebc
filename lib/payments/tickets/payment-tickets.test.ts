import { describe, expect, it } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import type { Actor } from '@/lib/auth/actor';
import { listRecords } from '@/lib/back-office/list-records';
import { runCommand } from '@/lib/back-office/run-command';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { unpaidOrder } from '@/lib/orders/testing/test-orders';
import { recordTransfer } from '@/lib/payments/record-transfer';
import { listOrderTickets } from './list-order-tickets';
import { openPaymentTicket } from './open-payment-ticket';
import { paymentProblemAvailability } from './payment-problem-availability';
import { paymentTicketResource, type PaymentTicketRecord } from './payment-ticket-resource';

const BASIC_ACCOUNT = '3002012309024567812';
const page = { sort: { field: 'created_at', order: 'desc' as const }, offset: 0, limit: 50, filter: {} };

describe.each(testDatabaseKinds)('payment problem tickets on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();
  let txn = 0;

  const orderFor = (projectCode: string) => unpaidOrder(f, projectCode);
  const pay = (remark: string, amountFen: number, over: { payerKind?: 'enterprise' | 'personal'; payerAccount?: string } = {}) =>
    recordTransfer(f.db, 'demo', 'webhook', {
      transactionId: `TICKET-${kind}-${++txn}`, amountFen, payerName: '新疆天山建设工程有限公司', payerAccount: over.payerAccount ?? BASIC_ACCOUNT,
      payerKind: over.payerKind ?? 'enterprise', remark, bankTime: clock.now(),
    });
  const REFUND = { kind: 'refund_request', message: '未投保成功，申请退回保费', refund_account_name: '新疆天山建设工程有限公司', refund_bank: '中国工商银行乌鲁木齐分行', refund_account_number: '3002 0123 0902 4567 812' };

  it('is offered 30 minutes after a payment that led to no policy, not before, and not for an unpaid order', async () => {
    const order = await orderFor('WLMQ-JS-2026-0158');
    expect((await paymentProblemAvailability(f.db, order.id)).available).toBe(false);
    expect((await expectRefusal(openPaymentTicket(f.db, f.actors.bidder, order.id, { kind: 'paid_not_issued', message: '已付款' }))).code).toBe('CONFLICT');
    // Paid from a personal account: the construction rules cancel the order.
    await pay(order.remarkCode, order.premiumFen, { payerKind: 'personal', payerAccount: '6222020200112233445' });
    expect((await paymentProblemAvailability(f.db, order.id)).available).toBe(false);
    clock.advance(30 * 60 * 1000);
    expect((await paymentProblemAvailability(f.db, order.id)).available).toBe(true);

    const invalid = await expectRefusal(openPaymentTicket(f.db, f.actors.bidder, order.id, { ...REFUND, refund_account_number: '12ab' }));
    expect(invalid.fieldErrors?.refund_account_number).toContain('8 至 32 位数字');
    expect((await expectRefusal(openPaymentTicket(f.db, f.actors.otherBidder, order.id, REFUND))).code).toBe('NOT_FOUND');
    const { ticketId } = await openPaymentTicket(f.db, f.actors.bidder, order.id, REFUND);
    expect((await expectRefusal(openPaymentTicket(f.db, f.actors.bidder, order.id, REFUND))).message).toContain('已提交过同类问题');
    const [ticket] = await listOrderTickets(f.db, order.id);
    expect(ticket).toMatchObject({ id: ticketId, kind: 'refund_request', status: 'open', refundAccountNumber: '3002012309024567812' });
    clock.set(SEEDED_AT);
  });

  it('is offered at once for a duplicate payment', async () => {
    const order = await orderFor('WLMQ-CG-2026-0342');
    await pay(order.remarkCode, order.premiumFen);
    expect((await paymentProblemAvailability(f.db, order.id)).available).toBe(false);
    await pay(order.remarkCode, order.premiumFen);
    expect(await paymentProblemAvailability(f.db, order.id)).toMatchObject({ available: true, hasDuplicatePayment: true });
    await openPaymentTicket(f.db, f.actors.bidder, order.id, REFUND);
  });

  it('is answered once by an operator of the region, and the bidder reads the answer', async () => {
    const mine = (await listRecords(f.db, f.actors.operator, paymentTicketResource, page)).rows as PaymentTicketRecord[];
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect((await listRecords(f.db, f.actors.otherOperator, paymentTicketResource, page)).rows).toEqual([]);
    const ticket = mine[0]!;
    const answer = (actor: Actor, text: string) => runCommand(f.db, actor, paymentTicketResource, ticket.id, 'answer', { body: { answer: text } });
    expect((await expectRefusal(answer(f.actors.otherOperator, '已处理'))).status).toBe(403);
    expect((await expectRefusal(answer(f.actors.compliance, '已处理'))).code).toBe('READ_ONLY_ROLE');
    await answer(f.actors.operator, '多付款项已登记退款，5 个工作日内原路退回');
    expect((await expectRefusal(answer(f.actors.operator, '再次处理'))).code).toBe('CONFLICT');
    const [seen] = await listOrderTickets(f.db, ticket.order_id);
    expect(seen).toMatchObject({ status: 'answered', answer: '多付款项已登记退款，5 个工作日内原路退回' });
  });
});
