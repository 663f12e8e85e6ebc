import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError, notFound } from '@/lib/errors/domain-error';

/**
 * The enterprise's administrator (企业管理员) is its first user, the one who registered it
 * (enterprises.registered_by): the person who decides who else joins.
 */
export function isEnterpriseAdministrator(actor: Actor, enterprise: { id: string; registered_by: string | null }): boolean {
  return actor.role === 'bidder' && actor.enterpriseId === enterprise.id && enterprise.registered_by === actor.userId;
}

/**
 * The join request `id` as its deciding administrator sees it. Anyone outside the request's enterprise is
 * told it does not exist (whose requests these are is not theirs to learn); another member of it is told
 * only the administrator decides.
 */
export async function joinRequestToDecide(db: Kysely<Database> | Transaction<Database>, actor: Actor, id: string) {
  const request = await db
    .selectFrom('enterprise_join_requests as r')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .select(['r.id', 'r.enterprise_id', 'r.status', 'e.registered_by', 'e.region_id', 'e.name as enterprise_name'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!request || actor.role !== 'bidder' || actor.enterpriseId !== request.enterprise_id) throw notFound('加入申请');
  if (!isEnterpriseAdministrator(actor, { id: request.enterprise_id, registered_by: request.registered_by })) {
    throw new DomainError('FORBIDDEN', '只有企业管理员（企业首位注册用户）可以审批加入申请');
  }
  return request;
}
