import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { enqueueOrderExpiredMail } from '@/lib/mail/order-expired-mail';
import { now } from '@/lib/time/clock';
import { selectOrdersWithProject } from './order-join';
import { transitionOrder } from './transition-order';

/**
 * Cancels the orders still awaiting payment when their project's deposit deadline has passed. Safe to
 * run on many instances at once and as often as wanted: each order changes in its own transaction under
 * its row lock, and one that another run got to first is simply skipped. The applicant is told by mail,
 * written in the same transaction.
 */
export async function cancelUnpaidOrders(db: Kysely<Database>, limit = 200): Promise<number> {
  const due = await selectOrdersWithProject(db)
    .where('orders.status', '=', 'pending_payment')
    .where('projects.deposit_deadline', '<', now())
    .select('orders.id')
    .orderBy('projects.deposit_deadline')
    .limit(limit)
    .execute();
  let cancelled = 0;
  for (const { id } of due) {
    try {
      await db.transaction().execute(async (trx) => {
        await transitionOrder(trx, null, id, 'expire', { reason: '保证金缴纳截止时间已过，订单未支付，系统自动取消' });
        await enqueueOrderExpiredMail(trx, id);
      });
      cancelled++;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
    }
  }
  return cancelled;
}
