import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, ProjectEventKind, ProjectStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';

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
  const notFound = new DomainError('NOT_FOUND', '订单不存在或您无权查看');
  if (actor.role !== 'bidder' || !actor.enterpriseId || !z.uuid().safeParse(orderId).success) throw notFound;
  const project = await db
    .selectFrom('orders')
    .innerJoin('sections', 'sections.id', 'orders.section_id')
    .innerJoin('projects', 'projects.id', 'sections.project_id')
    .where('orders.id', '=', orderId)
    .where('orders.enterprise_id', '=', actor.enterpriseId)
    .select(['projects.id', 'projects.status'])
    .executeTakeFirst();
  if (!project) throw notFound;
  const changes = await db
    .selectFrom('project_events')
    .where('project_id', '=', project.id)
    .select(['id', 'kind', 'from_value as fromValue', 'to_value as toValue', 'reason', 'occurred_at as occurredAt'])
    .orderBy('occurred_at', 'desc')
    .orderBy('kind')
    .execute();
  return { projectStatus: project.status, changes };
}
