import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { readableRegions } from '@/lib/auth/authorize';
import { complianceFigures, type ComplianceFigures } from './compliance-figures';
import { dashboardQueues, type QueueTile } from './dashboard-queues';
import { orderFigures, type OrderFigures } from './order-figures';

export interface BackOfficeDashboard {
  figures: OrderFigures;
  queues: QueueTile[];
  /** Only for those who oversee every region (compliance, the platform administrator). */
  compliance: ComplianceFigures | null;
}

/** 工作台: the back office's home, as read for this reader. The page only renders it. */
export async function backOfficeDashboard(db: Kysely<Database>, actor: Actor): Promise<BackOfficeDashboard> {
  const scope = readableRegions(actor);
  const oversees = actor.role === 'compliance' || actor.role === 'platform_admin';
  const [figures, queues, compliance] = await Promise.all([
    orderFigures(db, scope),
    dashboardQueues(db, actor),
    oversees ? complianceFigures(db, actor) : Promise.resolve(null),
  ]);
  return { figures, queues, compliance };
}
