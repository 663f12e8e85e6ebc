import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { transitionOrder } from './transition-order';

/**
 * 【放弃购买保函】: while the order awaits payment, or after it was cancelled, the bidder gives it up and
 * may pay its deposit another way; the section can then be applied for again.
 */
export async function abandonOrder(db: Kysely<Database>, actor: Actor, orderId: string): Promise<void> {
  const notFound = new DomainError('NOT_FOUND', '订单不存在或您无权查看');
  if (actor.role !== 'bidder' || !actor.enterpriseId || !z.uuid().safeParse(orderId).success) throw notFound;
  await writeTransaction(db, async (trx) => {
    const order = await trx
      .selectFrom('orders')
      .select('id')
      .where('id', '=', orderId)
      .where('enterprise_id', '=', actor.enterpriseId!)
      .executeTakeFirst();
    if (!order) throw notFound;
    await transitionOrder(trx, actor, order.id, 'abandoned', {
      reason: '投标人放弃购买保函',
      from: ['pending_payment', 'cancelled'],
    });
  });
}
