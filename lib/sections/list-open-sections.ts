import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, ProjectType } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { containsPattern } from '@/lib/back-office/run-list-query';
import { LIVE_ORDER_EXCLUDES } from '@/lib/orders/find-live-order';
import { now } from '@/lib/time/clock';

export interface OpenSectionsQuery {
  page: number;
  pageSize: number;
  regionId?: string;
  type?: ProjectType;
  keyword?: string;
}

export interface OpenSection {
  sectionId: string;
  sectionCode: string;
  sectionName: string;
  depositFen: number;
  projectId: string;
  projectCode: string;
  projectName: string;
  projectType: ProjectType;
  tenderer: string;
  regionId: string;
  regionName: string;
  depositDeadline: Date;
  bidOpeningAt: Date;
  /** The bidder's own live order for this section, if it has applied already. */
  myOrderId: string | null;
}

/**
 * 我的投标保函: the sections a bidder can still apply for — project in normal status and deposit
 * deadline not yet passed — soonest deadline first.
 */
export async function listOpenSections(
  db: Kysely<Database>,
  actor: Actor,
  query: OpenSectionsQuery,
): Promise<{ rows: OpenSection[]; total: number }> {
  let base = openSections(db, actor);
  if (query.regionId) base = base.where('projects.region_id', '=', query.regionId);
  if (query.type) base = base.where('projects.type', '=', query.type);
  if (query.keyword) {
    const pattern = containsPattern(query.keyword);
    base = base.where((eb) =>
      eb.or([eb('projects.name', 'ilike', pattern), eb('projects.code', 'ilike', pattern), eb('sections.name', 'ilike', pattern)]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .select(openSectionColumns)
      .select((eb) =>
        eb
          .selectFrom('orders')
          .select('orders.id')
          .whereRef('orders.section_id', '=', 'sections.id')
          .where('orders.enterprise_id', '=', actor.enterpriseId ?? '00000000-0000-0000-0000-000000000000')
          .where('orders.status', 'not in', [...LIVE_ORDER_EXCLUDES])
          .limit(1)
          .as('myOrderId'),
      )
      .orderBy('projects.deposit_deadline')
      .orderBy('projects.code')
      .orderBy('sections.code')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** One open section, or "not found" — also for a section that exists but can no longer be applied for. */
export async function getOpenSection(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  sectionId: string,
): Promise<Omit<OpenSection, 'myOrderId'>> {
  const section = z.uuid().safeParse(sectionId).success
    ? await openSections(db, actor).select(openSectionColumns).where('sections.id', '=', sectionId).executeTakeFirst()
    : undefined;
  if (!section) throw new DomainError('NOT_FOUND', '该标段不存在，或已不在可申请范围内（项目状态异常或已过保证金截止时间）');
  return section;
}

function openSections(db: Kysely<Database> | Transaction<Database>, actor: Actor) {
  if (actor.role !== 'bidder') throw new DomainError('FORBIDDEN', '只有投标人可以申请投标保函');
  return db
    .selectFrom('sections')
    .innerJoin('projects', 'projects.id', 'sections.project_id')
    .innerJoin('regions', 'regions.id', 'projects.region_id')
    .where('projects.status', '=', 'normal')
    .where('projects.deposit_deadline', '>', now());
}

const openSectionColumns = [
  'sections.id as sectionId',
  'sections.code as sectionCode',
  'sections.name as sectionName',
  'sections.deposit_fen as depositFen',
  'projects.id as projectId',
  'projects.code as projectCode',
  'projects.name as projectName',
  'projects.type as projectType',
  'projects.tenderer as tenderer',
  'regions.id as regionId',
  'regions.name as regionName',
  'projects.deposit_deadline as depositDeadline',
  'projects.bid_opening_at as bidOpeningAt',
] as const;
