import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { loadMyOrder } from '@/lib/orders/load-my-order';

/**
 * Whether an order's policy document can be downloaded yet: the order page asks while it shows
 * 保单生成中. Only the applicant enterprise's users may ask, as only they may download.
 */
export async function policyDocumentStatus(db: Kysely<Database>, actor: Actor, orderId: string): Promise<{ issued: boolean; ready: boolean }> {
  const order = await loadMyOrder(db, actor, orderId);
  const policy = await db.selectFrom('policies').select('document_ready_at').where('order_id', '=', order.id).executeTakeFirst();
  return { issued: policy !== undefined, ready: policy !== undefined && policy.document_ready_at !== null };
}
