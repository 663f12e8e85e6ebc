import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import type { Actor } from './actor';
import { loadActor } from './load-actor';

/** What a verified session token says about its user. */
export interface SessionClaims {
  userId?: string;
  sessionVersion?: unknown;
}

/**
 * The actor a session token stands for, or null: the account must be active and still at the session
 * version the token was issued at. A token without a version (issued before versions existed) is
 * treated as ended; its holder signs in again.
 */
export async function actorForSession(db: Kysely<Database>, claims: SessionClaims | null | undefined): Promise<Actor | null> {
  const { userId, sessionVersion } = claims ?? {};
  if (!userId || typeof sessionVersion !== 'number' || !Number.isInteger(sessionVersion)) return null;
  return loadActor(db, { userId, sessionVersion });
}

export interface RequestActorOptions {
  /**
   * The request is the password change itself (修改密码, and the sign-in page that leads there): the one
   * thing an account that must change its password may do.
   */
  forPasswordChange?: boolean;
}

export const PASSWORD_CHANGE_REQUIRED_MESSAGE = '您的密码由管理员设置，请先修改密码后再继续使用';

/**
 * The actor a request acts for (actorForSession), refused with PASSWORD_CHANGE_REQUIRED while the account
 * must change the password someone else set — whatever the request, page, API or server action. Every
 * request loads its actor through here (lib/auth/current-actor.ts), so no use case needs to ask again.
 */
export async function actorForRequest(
  db: Kysely<Database>,
  claims: SessionClaims | null | undefined,
  options: RequestActorOptions = {},
): Promise<Actor | null> {
  const actor = await actorForSession(db, claims);
  if (actor?.mustChangePassword && !options.forPasswordChange) {
    throw new DomainError('PASSWORD_CHANGE_REQUIRED', PASSWORD_CHANGE_REQUIRED_MESSAGE);
  }
  return actor;
}
