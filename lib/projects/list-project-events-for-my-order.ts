import type { Kysely } from 'kysely';
import type { Database, ProjectEventKind, ProjectStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { loadMyOrder } from '@/lib/orders/load-my-order';

export interface ProjectChange {
  id: string;
  kind: ProjectEventKind;
  /** A project status for `status`, an ISO instant for `bid_opening`. */
  fromValue: string;
  toValue: string;
  reason: string;
  occurredAt: Date;
}

export interface OrderProjectChanges {
  projectStatus: ProjectStatus;
  /** Newest first: the latest change is the one that matters for what the bidder can do now. */
  changes: ProjectChange[];
}

/**
 * 项目变更 on a bidder's order: the project's current status and every change of its status or bid
 * opening, with the operator's reason. Reached only through an order of the bidder's own enterprise, so
 * a bidder learns about the projects it bids on and no others.
 */
export async function listProjectEventsForMyOrder(db: Kysely<Database>, actor: Actor, orderId: string): Promise<OrderProjectChanges> {
  const order = await loadMyOrder(db, actor, orderId);
  const project = await db
    .selectFrom('sections')
    .innerJoin('projects', 'projects.id', 'sections.project_id')
    .where('sections.id', '=', order.section_id)
    .select(['projects.id', 'projects.status'])
    .executeTakeFirstOrThrow();
  const changes = await db
    .selectFrom('project_events')
    .where('project_id', '=', project.id)
    .select(['id', 'kind', 'from_value as fromValue', 'to_value as toValue', 'reason', 'occurred_at as occurredAt'])
    .orderBy('occurred_at', 'desc')
    .orderBy('kind')
    .execute();
  return { projectStatus: project.status, changes };
}
