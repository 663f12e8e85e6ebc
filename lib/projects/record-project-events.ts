import type { Transaction } from 'kysely';
import type { Database, Project, ProjectEventKind } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { now } from '@/lib/time/clock';

/**
 * The changes bidders must hear about: a project's status decides whether they may surrender, and its
 * bid opening decides which clause applies. Written in the operator's transaction beside the project
 * update, so a bidder never sees a change that did not happen or misses one that did.
 */
export async function recordProjectEvents(
  trx: Transaction<Database>,
  /** A person, or (pushed by a trading platform) no one. */
  actor: Pick<Actor, 'userId'> | null,
  before: Project,
  after: Project,
  reason: string,
): Promise<void> {
  const changes: { kind: ProjectEventKind; from_value: string; to_value: string }[] = [];
  if (before.status !== after.status) changes.push({ kind: 'status', from_value: before.status, to_value: after.status });
  if (before.bid_opening_at.getTime() !== after.bid_opening_at.getTime()) {
    changes.push({ kind: 'bid_opening', from_value: before.bid_opening_at.toISOString(), to_value: after.bid_opening_at.toISOString() });
  }
  if (changes.length === 0) return;
  const at = now();
  await trx
    .insertInto('project_events')
    .values(changes.map((c) => ({ ...c, project_id: after.id, reason, actor_id: actor?.userId ?? null, occurred_at: at })))
    .execute();
}
