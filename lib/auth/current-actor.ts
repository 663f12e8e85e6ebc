import { getServerSession } from 'next-auth';
import { getDb } from '@/lib/database';
import { DomainError } from '@/lib/errors/domain-error';
import type { Actor } from './actor';
import { authOptions } from './auth-options';
import { actorForSession } from './session-actor';

/** The signed-in actor of the current request, or null (also when the session was ended server-side). */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  if (!session?.user) return null;
  return actorForSession(await getDb(), { userId: session.user.id, sessionVersion: session.user.sessionVersion });
}

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new DomainError('UNAUTHENTICATED', '请先登录');
  return actor;
}
