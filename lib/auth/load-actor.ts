import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from './actor';

/** Whom to load: a session's user (with the session version its token carries), or an account by phone. */
export type ActorLookup = { userId: string; sessionVersion?: number } | { phone: string };

/**
 * Builds the actor from the users table rather than trusting the session token alone, so a
 * deactivated account or a changed role takes effect on the next request, and a token issued before
 * the account's session version moved on (sign-out, password change) is nobody.
 */
export async function loadActor(db: Kysely<Database>, where: ActorLookup): Promise<Actor | null> {
  let query = db.selectFrom('users').selectAll().where('active', '=', true);
  query = 'userId' in where ? query.where('id', '=', where.userId) : query.where('phone', '=', where.phone);
  if ('userId' in where && where.sessionVersion !== undefined) query = query.where('session_version', '=', where.sessionVersion);
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
    mustChangePassword: user.must_change_password,
  };
}
