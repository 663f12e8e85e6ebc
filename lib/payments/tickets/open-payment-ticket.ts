import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { assertMayAskForMyOrder, loadMyOrder } from '@/lib/orders/load-my-order';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { bankAccountNumber, requiredText } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { PAYMENT_TICKET_KIND_LABELS } from './payment-ticket-kinds';
import { paymentProblemAvailability } from './payment-problem-availability';

const inputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('paid_not_issued'), message: requiredText('问题描述', 1000) }),
    z.object({
      kind: z.literal('refund_request'),
      message: requiredText('问题描述', 1000),
      refund_account_name: requiredText('退款账户名称', 100),
      refund_bank: requiredText('开户银行', 100),
      refund_account_number: bankAccountNumber('退款账号'),
    }),
  ],
  { error: '请选择遇到的问题' },
);

/**
 * 【支付遇到问题请点击】: the bidder tells operators that a payment did not lead to a guarantee, or asks
 * for money back (with the account to pay it to). One open ticket of a kind per order at a time.
 */
export async function openPaymentTicket(db: Kysely<Database>, actor: Actor, orderId: string, input: unknown): Promise<{ ticketId: string }> {
  assertMayAskForMyOrder(actor, orderId);
  const ticket = parseInput(inputSchema, input);
  return writeTransaction(db, async (trx) => {
    const order = await loadMyOrder(trx, actor, orderId, { lock: true });
    const availability = await paymentProblemAvailability(trx, order.id);
    if (!availability.available) {
      throw new DomainError('CONFLICT', '支付后 30 分钟仍未出函、重复支付或退款逾期时，方可提交支付问题');
    }
    if (!availability.kinds.includes(ticket.kind)) {
      const offered = availability.kinds.map((kind) => `「${PAYMENT_TICKET_KIND_LABELS[kind]}」`).join('、');
      throw new DomainError('CONFLICT', `该订单目前只能提交${offered}`);
    }
    const open = await trx
      .selectFrom('payment_tickets')
      .select('id')
      .where('order_id', '=', order.id)
      .where('kind', '=', ticket.kind)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (open) throw new DomainError('CONFLICT', '您已提交过同类问题，请等待平台处理');
    const row = await trx
      .insertInto('payment_tickets')
      .values({
        order_id: order.id,
        kind: ticket.kind,
        message: ticket.message,
        refund_account_name: ticket.kind === 'refund_request' ? ticket.refund_account_name : null,
        refund_bank: ticket.kind === 'refund_request' ? ticket.refund_bank : null,
        refund_account_number: ticket.kind === 'refund_request' ? ticket.refund_account_number : null,
        status: 'open',
        created_by: actor.userId,
        created_at: now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, actor, {
      action: 'payment_ticket.open',
      entityType: 'payment_ticket',
      entityId: row.id,
      regionId: order.region_id,
      after: row,
    });
    return { ticketId: row.id };
  });
}
