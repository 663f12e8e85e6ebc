import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { transition } from '@/lib/lifecycle/transition';
import { assertMayAskForMyOrder, loadMyOrder } from '@/lib/orders/load-my-order';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { bankAccountNumber, requiredText } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { NO_SURRENDER_AWAITS_ACCOUNT, surrenderLifecycle } from './surrender-lifecycle';

export const refundAccountSchema = z.object({
  accountName: requiredText('账户名称', 100),
  accountBank: requiredText('开户银行', 100),
  accountNumber: bankAccountNumber('银行账号'),
});

/**
 * 【完善退保账户信息】: a premium paid through online banking cannot simply go back to the enterprise's basic
 * account, so the bidder names the account the refund goes to; only then do operators review the surrender.
 */
export async function completeRefundAccount(db: Kysely<Database>, actor: Actor, orderId: string, input: unknown): Promise<void> {
  assertMayAskForMyOrder(actor, orderId);
  const account = parseInput(refundAccountSchema, input);
  await writeTransaction(db, async (trx) => {
    const order = await loadMyOrder(trx, actor, orderId);
    // At most one surrender of an order is under way (surrenders_one_open_per_order).
    const surrender = await trx
      .selectFrom('surrenders')
      .selectAll()
      .where('order_id', '=', order.id)
      .where('status', 'in', surrenderLifecycle.actions.completeRefundAccount.from)
      .executeTakeFirst();
    if (!surrender) throw new DomainError('CONFLICT', NO_SURRENDER_AWAITS_ACCOUNT);
    // The edge locks the row, so an operator's rejection and the account cannot cross: whichever comes
    // second is refused. Taken, the surrender was still waiting, so `surrender` is what it was before.
    const { from_status: _from, ...row } = await transition(trx, 'surrenders', surrenderLifecycle, {
      id: surrender.id,
      action: 'completeRefundAccount',
      set: {
        account_name: account.accountName,
        account_bank: account.accountBank,
        account_number: account.accountNumber,
        submitted_at: now(),
      },
    });
    await appendAuditEvent(trx, actor, {
      action: 'surrender.refund_account',
      entityType: 'surrender',
      entityId: surrender.id,
      regionId: order.region_id,
      before: surrender,
      after: row,
    });
  });
}
