import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { assertMayAskForMyOrder, loadMyOrder } from './load-my-order';
import { transitionOrder } from './transition-order';

/**
 * 【放弃购买保函】: while the order awaits payment, or after it was cancelled, the bidder gives it up and
 * may pay its deposit another way; the section can then be applied for again.
 */
export async function abandonOrder(db: Kysely<Database>, actor: Actor, orderId: string): Promise<void> {
  assertMayAskForMyOrder(actor, orderId);
  await writeTransaction(db, async (trx) => {
    const order = await loadMyOrder(trx, actor, orderId);
    await transitionOrder(trx, actor, order.id, 'abandon', { reason: '投标人放弃购买保函' });
  });
}
