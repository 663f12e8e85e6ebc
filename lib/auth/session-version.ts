import { sql, type Kysely } from 'kysely';
import type { Database } from '@/db/database';

/**
 * Ends every session of the account at once: each session token carries the version it was issued at
 * and is honoured only while the account still has that version (loadActor). For a password change and
 * a deactivation (and anything else after which old sessions must not go on).
 */
export async function bumpSessionVersion(db: Kysely<Database>, userId: string): Promise<void> {
  await db.updateTable('users').set({ session_version: sql<number>`session_version + 1` }).where('id', '=', userId).execute();
}

/**
 * Sign-out: ends the session the token belongs to — and with it the account's other sessions, which
 * share its version. A token that is already stale changes nothing, so signing out with an old, copied
 * token cannot end the sessions the owner has opened since.
 */
export async function endSession(db: Kysely<Database>, session: { userId: string; sessionVersion: number }): Promise<void> {
  await db
    .updateTable('users')
    .set({ session_version: sql<number>`session_version + 1` })
    .where('id', '=', session.userId)
    .where('session_version', '=', session.sessionVersion)
    .execute();
}
