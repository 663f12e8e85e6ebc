import { getServerSession } from 'next-auth';
import { getDb } from '@/lib/database';
import { DomainError } from '@/lib/errors/domain-error';
import type { Actor } from './actor';
import { authOptions } from './auth-options';
import { loadActor } from './load-actor';

/** The signed-in actor of the current request, or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadActor(await getDb(), { userId });
}

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new DomainError('UNAUTHENTICATED', '请先登录');
  return actor;
}
