import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from './actor';

/**
 * Builds the actor from the users table rather than trusting the session token alone, so a
 * deactivated account or a changed role takes effect on the next request.
 */
export async function loadActor(db: Kysely<Database>, where: { userId: string } | { phone: string }): Promise<Actor | null> {
  let query = db.selectFrom('users').selectAll().where('active', '=', true);
  query = 'userId' in where ? query.where('id', '=', where.userId) : query.where('phone', '=', where.phone);
  const user = await query.executeTakeFirst();
  if (!user) return null;
  return {
    userId: user.id,
    role: user.role,
    name: user.display_name,
    phone: user.phone,
    regionId: user.region_id,
    enterpriseId: user.enterprise_id,
    canEditRules: user.can_edit_rules,
    canEditRuleValues: user.can_edit_rule_values,
  };
}
