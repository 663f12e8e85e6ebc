import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';

/**
 * Whether an order's policy document can be downloaded yet: the order page asks while it shows
 * 保单生成中. Only the applicant enterprise's users may ask, as only they may download.
 */
export async function policyDocumentStatus(db: Kysely<Database>, actor: Actor, orderId: string): Promise<{ issued: boolean; ready: boolean }> {
  if (!z.uuid().safeParse(orderId).success) throw new DomainError('NOT_FOUND', '订单不存在');
  const row = await db
    .selectFrom('orders')
    .leftJoin('policies', 'policies.order_id', 'orders.id')
    .where('orders.id', '=', orderId)
    .select(['orders.enterprise_id', 'policies.id as policyId', 'policies.document_ready_at'])
    .executeTakeFirst();
  if (!row || actor.role !== 'bidder' || actor.enterpriseId !== row.enterprise_id) throw new DomainError('NOT_FOUND', '订单不存在');
  return { issued: row.policyId !== null, ready: row.document_ready_at !== null };
}
