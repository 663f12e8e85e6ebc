import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
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
