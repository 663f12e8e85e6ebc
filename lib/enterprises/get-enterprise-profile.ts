import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors/domain-error';

/**
 * An enterprise's registered profile (credit code, basic deposit account). A bidder reads only its own
 * enterprise; for any other id it is told "not found", so it cannot even learn which ids exist.
 */
export async function getEnterpriseProfile(db: Kysely<Database>, actor: Actor, enterpriseId: string) {
  if (actor.role !== 'bidder' || actor.enterpriseId !== enterpriseId) throw notFound('企业');
  const enterprise = await db.selectFrom('enterprises').selectAll().where('id', '=', enterpriseId).executeTakeFirst();
  if (!enterprise) throw notFound('企业');
  return enterprise;
}
