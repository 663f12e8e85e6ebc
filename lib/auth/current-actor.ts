import { getServerSession } from 'next-auth';
import { getDb } from '@/lib/database';
import { DomainError } from '@/lib/errors/domain-error';
import type { Actor } from './actor';
import { authOptions } from './auth-options';
import { actorForRequest, type RequestActorOptions } from './session-actor';

/**
 * The signed-in actor of the current request, or null (also when the session was ended server-side).
 * An account that must change its password is refused (PASSWORD_CHANGE_REQUIRED) unless the request is
 * that change (`forPasswordChange`).
 */
export async function currentActor(options: RequestActorOptions = {}): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  if (!session?.user) return null;
  return actorForRequest(await getDb(), { userId: session.user.id, sessionVersion: session.user.sessionVersion }, options);
}

export async function requireActor(options: RequestActorOptions = {}): Promise<Actor> {
  const actor = await currentActor(options);
  if (!actor) throw new DomainError('UNAUTHENTICATED', '请先登录');
  return actor;
}
