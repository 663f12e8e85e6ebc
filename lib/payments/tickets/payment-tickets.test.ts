import { describe, expect, it } from 'vitest';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import type { Actor } from '@/lib/auth/actor';
import { listRecords } from '@/lib/back-office/list-records';
import { runCommand } from '@/lib/back-office/run-command';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { unpaidOrder } from '@/lib/orders/testing/test-orders';
import { recordTransfer } from '@/lib/payments/record-transfer';
import { transferLifecycle } from '@/lib/payments/transfer-lifecycle';
import { transition } from '@/lib/lifecycle/transition';
import { transitionOrder } from '@/lib/orders/transition-order';
import { listOrderRefunds } from '@/lib/refunds/list-order-refunds';
import { refundResource } from '@/lib/refunds/refund-resource';
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

  /** A transfer paying the order that the rules sent to review: the order waits in 支付审核中 for its policy. */
  async function inPaymentReview(order: { id: string; remarkCode: string; premiumFen: number }) {
    const paid = await pay('无附言', order.premiumFen);
    await f.db.transaction().execute(async (trx) => {
      await transition(trx, 'bank_transfers', transferLifecycle, { id: paid.transferId, action: 'reconcileReview', set: { order_id: order.id, region_id: '650100' } });
      await transitionOrder(trx, null, order.id, 'receivePayment', { reason: '收到银行转账，转人工审核' });
    });
  }

  it('is offered 30 minutes after a payment still waiting for its policy, not before, and not for an unpaid order', async () => {
    const order = await orderFor('WLMQ-JS-2026-0158');
    expect(await paymentProblemAvailability(f.db, order.id)).toMatchObject({ available: false, kinds: [], availableFrom: null });
    expect((await expectRefusal(openPaymentTicket(f.db, f.actors.bidder, order.id, { kind: 'paid_not_issued', message: '已付款' }))).code).toBe('CONFLICT');
    await inPaymentReview(order);
    expect(await paymentProblemAvailability(f.db, order.id)).toMatchObject({ available: false, availableFrom: new Date(clock.now().getTime() + 30 * 60 * 1000) });
    clock.advance(30 * 60 * 1000);
    expect(await paymentProblemAvailability(f.db, order.id)).toMatchObject({ available: true, kinds: ['paid_not_issued', 'refund_request'] });

    const invalid = await expectRefusal(openPaymentTicket(f.db, f.actors.bidder, order.id, { ...REFUND, refund_account_number: '12ab' }));
    expect(invalid.fieldErrors?.refund_account_number).toContain('8 至 32 位数字');
    expect((await expectRefusal(openPaymentTicket(f.db, f.actors.otherBidder, order.id, REFUND))).code).toBe('NOT_FOUND');
    const { ticketId } = await openPaymentTicket(f.db, f.actors.bidder, order.id, REFUND);
    expect((await expectRefusal(openPaymentTicket(f.db, f.actors.bidder, order.id, REFUND))).message).toContain('已提交过同类问题');
    const [ticket] = await listOrderTickets(f.db, order.id);
    expect(ticket).toMatchObject({ id: ticketId, kind: 'refund_request', status: 'open', refundAccountNumber: '3002012309024567812' });
  });

  it('is not offered for a cancelled order, whose premium is refunded, until the refund is overdue — and then only as 申请退费', async () => {
    const order = await orderFor('WLMQ-JS-2026-0158');
    // Paid from a personal account: the construction rules cancel the order and refund the premium.
    await pay(order.remarkCode, order.premiumFen, { payerKind: 'personal', payerAccount: '6222020200112233445' });
    const [refund] = await listOrderRefunds(f.db, order.id);
    expect(refund).toMatchObject({
      amountFen: order.premiumFen, status: 'pending', payeeName: '新疆天山建设工程有限公司', payeeAccount: '6222020200112233445',
      surrenderId: null, overdue: false, dueDateProvisional: false, refundedAt: null,
    });
    clock.advance(30 * 60 * 1000);
    expect(await paymentProblemAvailability(f.db, order.id)).toMatchObject({ available: false, kinds: [], availableFrom: null, hasOverdueRefund: false });

    clock.set(`${refund!.dueDate}T16:00:00Z`); // the day after the due date has begun in Beijing
    expect(await paymentProblemAvailability(f.db, order.id)).toMatchObject({ available: true, kinds: ['refund_request'], hasOverdueRefund: true });
    expect((await listOrderRefunds(f.db, order.id))[0]).toMatchObject({ overdue: true });
    const notIssued = await expectRefusal(openPaymentTicket(f.db, f.actors.bidder, order.id, { kind: 'paid_not_issued', message: '已付款未出函' }));
    expect(notIssued).toMatchObject({ code: 'CONFLICT', message: '该订单目前只能提交「申请退费」' });
    await openPaymentTicket(f.db, f.actors.bidder, order.id, REFUND);

    await runCommand(f.db, f.actors.operator, refundResource, refund!.id, 'markRefunded', { body: { bank_reference: 'ICBC-REFUND-TICKET' } });
    expect((await listOrderRefunds(f.db, order.id))[0]).toMatchObject({ status: 'refunded', refundedAt: clock.now(), overdue: false });
    expect((await paymentProblemAvailability(f.db, order.id)).hasOverdueRefund).toBe(false);
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
    const order = await orderFor('WLMQ-CG-2026-0342');
    await pay(order.remarkCode, order.premiumFen);
    await pay(order.remarkCode, order.premiumFen);
    const { ticketId } = await openPaymentTicket(f.db, f.actors.bidder, order.id, REFUND);
    const mine = (await listRecords(f.db, f.actors.operator, paymentTicketResource, page)).rows as PaymentTicketRecord[];
    expect(mine.map((t) => t.id)).toContain(ticketId);
    expect((await listRecords(f.db, f.actors.otherOperator, paymentTicketResource, page)).rows).toEqual([]);
    const ticket = mine.find((t) => t.id === ticketId)!;
    const answer = (actor: Actor, text: string) => runCommand(f.db, actor, paymentTicketResource, ticket.id, 'answer', { body: { answer: text } });
    expect((await expectRefusal(answer(f.actors.otherOperator, '已处理'))).status).toBe(403);
    expect((await expectRefusal(answer(f.actors.compliance, '已处理'))).code).toBe('READ_ONLY_ROLE');
    await answer(f.actors.operator, '多付款项已登记退款，5 个工作日内原路退回');
    expect((await expectRefusal(answer(f.actors.operator, '再次处理'))).code).toBe('CONFLICT');
    const [seen] = await listOrderTickets(f.db, ticket.order_id);
    expect(seen).toMatchObject({ status: 'answered', answer: '多付款项已登记退款，5 个工作日内原路退回' });
  });
});
