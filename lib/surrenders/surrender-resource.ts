import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, OrderStatus, ProjectStatus, SurrenderBidderReason, SurrenderStatus } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import type { RefundStatus } from '@/lib/refunds/refund-labels';
import { declaredList } from '@/lib/back-office/declared-list';
import { surrenderLifecycle } from './surrender-lifecycle';
import { approveSurrender } from './approve-surrender';
import { rejectSurrender } from './reject-surrender';
import { allowedSurrenderActions } from './surrender-lifecycle';

export interface SurrenderRecord {
  id: string;
  order_id: string;
  order_number: string;
  order_status: OrderStatus;
  enterprise_id: string;
  enterprise_name: string;
  project_code: string;
  project_name: string;
  project_status: ProjectStatus;
  section_name: string;
  bid_opening_at: Date;
  premium_fen: number;
  status: SurrenderStatus;
  bidder_reason: SurrenderBidderReason;
  note: string;
  clause: number;
  refund_account_required: boolean;
  account_name: string | null;
  account_bank: string | null;
  account_number: string | null;
  decision_id: string | null;
  created_at: Date;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  reviewer_name: string | null;
  review_reason: string | null;
  refund_id: string | null;
  refund_status: RefundStatus | null;
  refunded_at: Date | null;
  region_id: string;
}

function selectSurrenders(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('surrenders')
    .innerJoin('orders', 'orders.id', 'surrenders.order_id')
    .innerJoin('enterprises', 'enterprises.id', 'orders.enterprise_id')
    .innerJoin('sections', 'sections.id', 'orders.section_id')
    .innerJoin('projects', 'projects.id', 'sections.project_id')
    .leftJoin('users as reviewer', 'reviewer.id', 'surrenders.reviewed_by')
    .leftJoin('refunds', 'refunds.id', 'surrenders.refund_id')
    .select([
      'surrenders.id', 'surrenders.order_id', 'orders.order_number', 'orders.status as order_status',
      'orders.enterprise_id', 'enterprises.name as enterprise_name', 'projects.code as project_code', 'projects.name as project_name',
      'projects.status as project_status', 'sections.name as section_name', 'projects.bid_opening_at', 'orders.premium_fen',
      'surrenders.status', 'surrenders.bidder_reason', 'surrenders.note', 'surrenders.clause',
      'surrenders.refund_account_required', 'surrenders.account_name', 'surrenders.account_bank', 'surrenders.account_number',
      'surrenders.decision_id', 'surrenders.created_at', 'surrenders.submitted_at', 'surrenders.reviewed_at',
      'reviewer.display_name as reviewer_name', 'surrenders.review_reason', 'surrenders.refund_id',
      'refunds.status as refund_status', 'refunds.refunded_at', 'projects.region_id',
    ]);
}

/**
 * 退保审核: the surrenders of the operator's region, waiting ones first. Read-only as a resource: approving
 * and rejecting are its commands (approve-surrender, reject-surrender), POST /api/admin/surrenders/<id>/<command>,
 * offered as the surrender's lifecycle allows (surrender-lifecycle.ts).
 */
export const surrenderResource: ResourceDefinition<SurrenderRecord> = {
  name: 'surrenders',
  entityType: 'surrender',
  label: '退保申请',
  idSchema: z.uuid({ error: '退保申请编号无效' }),
  defaultSort: 'created_at',

  list: declaredList({
    from: selectSurrenders,
    id: 'surrenders.id',
    region: { column: 'projects.region_id' },
    filters: { status: { column: 'surrenders.status', values: surrenderLifecycle.stateNames } },
    search: ['orders.order_number', 'enterprises.name', 'projects.name'],
    sortable: {
      id: 'surrenders.id',
      created_at: 'surrenders.created_at',
      submitted_at: 'surrenders.submitted_at',
      reviewed_at: 'surrenders.reviewed_at',
      premium_fen: 'orders.premium_fen',
    },
  }),

  findById: (db, id) => selectSurrenders(db).where('surrenders.id', '=', String(id)).executeTakeFirst(),

  allowedActions: allowedSurrenderActions,

  commands: {
    approve: { run: (db, actor, id, { body }) => approveSurrender(db, actor, id, body) },
    reject: { run: (db, actor, id, { body }) => rejectSurrender(db, actor, id, body) },
  },
};
