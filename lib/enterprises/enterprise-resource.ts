import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, EnterpriseStatus, OrderStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import type { RegionScope } from '@/lib/auth/authorize';
import { mayWrite } from '@/lib/auth/authorize';
import { declaredList } from '@/lib/back-office/declared-list';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { selectOrdersWithProject } from '@/lib/orders/order-join';
import { ORDER_STATUS_LABELS } from '@/lib/orders/order-status';
import { approveEnterprise } from './approve-enterprise';
import { correctBasicAccount } from './correct-basic-account';
import { enterpriseLifecycle, enterpriseReviewActions } from './enterprise-lifecycle';
import { rejectEnterprise } from './reject-enterprise';

export interface EnterpriseRecord {
  id: string;
  name: string;
  uscc: string;
  /** Null for enterprises from before registration existed: the platform's own (see the list's region). */
  region_id: string | null;
  region_name: string | null;
  status: EnterpriseStatus;
  legal_representative: string;
  contact_name: string;
  contact_phone: string;
  email: string;
  basic_account_bank: string;
  basic_account_name: string;
  basic_account_number: string;
  review_reason: string | null;
  reviewed_at: Date | null;
  reviewer_name: string | null;
  registered_by_name: string | null;
  created_at: Date;
}

/** A person of the enterprise, as the back office sees them on its detail page. */
export interface EnterpriseUser {
  id: string;
  display_name: string;
  phone: string;
  active: boolean;
  last_signed_in_at: Date | null;
}

/** One of the enterprise's orders, for the detail page's table (there is no back-office orders list). */
export interface EnterpriseOrder {
  id: string;
  order_number: string;
  project_name: string;
  section_name: string;
  status: OrderStatus;
  status_label: string;
  premium_fen: number;
  created_at: Date;
}

/** The detail page's record: the enterprise with its people and its latest orders the reader may see. */
export interface EnterpriseDetail extends EnterpriseRecord {
  users: EnterpriseUser[];
  orders: EnterpriseOrder[];
  /** All of the enterprise's orders the reader may see; `orders` holds the latest ENTERPRISE_ORDERS_SHOWN. */
  orders_total: number;
}

export const ENTERPRISE_ORDERS_SHOWN = 20;

function selectEnterprises(db: Kysely<Database>) {
  return db
    .selectFrom('enterprises')
    .leftJoin('regions', 'regions.id', 'enterprises.region_id')
    .leftJoin('users as reviewer', 'reviewer.id', 'enterprises.reviewed_by')
    .leftJoin('users as registrant', 'registrant.id', 'enterprises.registered_by')
    .select([
      'enterprises.id', 'enterprises.name', 'enterprises.uscc', 'enterprises.region_id', 'regions.name as region_name',
      'enterprises.status', 'enterprises.legal_representative', 'enterprises.contact_name', 'enterprises.contact_phone',
      'enterprises.email', 'enterprises.basic_account_bank', 'enterprises.basic_account_name', 'enterprises.basic_account_number',
      'enterprises.review_reason', 'enterprises.reviewed_at', 'reviewer.display_name as reviewer_name',
      'registrant.display_name as registered_by_name', 'enterprises.created_at',
    ]);
}

async function usersOf(db: Kysely<Database>, enterpriseId: string): Promise<EnterpriseUser[]> {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'phone', 'active', 'last_signed_in_at'])
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * The enterprise's orders in the reader's regions: an order belongs to its project's region, which need not
 * be the enterprise's, and an operator sees only its own region's orders wherever they are listed.
 */
async function ordersOf(db: Kysely<Database>, enterpriseId: string, scope: RegionScope) {
  let query = selectOrdersWithProject(db).where('orders.enterprise_id', '=', enterpriseId);
  if (scope !== null) query = query.where('projects.region_id', '=', scope);
  const [rows, count] = await Promise.all([
    query
      .select([
        'orders.id', 'orders.order_number', 'projects.name as project_name', 'sections.name as section_name', 'orders.status',
        'orders.premium_fen', 'orders.created_at',
      ])
      .orderBy('orders.created_at', 'desc')
      .orderBy('orders.id')
      .limit(ENTERPRISE_ORDERS_SHOWN)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { orders: rows.map((row) => ({ ...row, status_label: ORDER_STATUS_LABELS[row.status] })), total: Number(count.total) };
}

/** What the reader may do to the enterprise now: review it (its lifecycle says when), correct its basic account. */
export function enterpriseActions(record: Pick<EnterpriseRecord, 'status' | 'region_id'>, actor: Actor): string[] {
  return [...enterpriseReviewActions(record, actor), ...(mayWrite(actor, record.region_id) ? ['correctBasicAccount'] : [])];
}

/**
 * 投保企业: the enterprises of the operator's region, with 企业认证审核 (approve, reject) and 修正基本户 as
 * commands. An enterprise of no region (registered before registration existed) is the platform's: only
 * the platform administrators and compliance see it — no region's operators review it, and its basic
 * account and contacts are not every region's business.
 */
export const enterpriseResource: ResourceDefinition<EnterpriseRecord> = {
  name: 'enterprises',
  entityType: 'enterprise',
  label: '投保企业',
  idSchema: z.uuid({ error: '企业编号无效' }),
  defaultSort: 'created_at',

  list: declaredList({
    from: selectEnterprises,
    id: 'enterprises.id',
    region: { column: 'enterprises.region_id' },
    filters: {
      status: { column: 'enterprises.status', values: enterpriseLifecycle.stateNames },
      region_id: { column: 'enterprises.region_id' },
    },
    search: ['enterprises.name', 'enterprises.uscc'],
    sortable: {
      id: 'enterprises.id',
      name: 'enterprises.name',
      created_at: 'enterprises.created_at',
      reviewed_at: 'enterprises.reviewed_at',
    },
  }),

  async findById(db, id, scope): Promise<EnterpriseDetail | EnterpriseRecord | undefined> {
    const row = await selectEnterprises(db).where('enterprises.id', '=', String(id)).executeTakeFirst();
    if (!row) return undefined;
    // As in the list: an operator is not even told that an enterprise of no region exists.
    if (scope !== null && row.region_id === null) return undefined;
    // Another region's: the caller refuses it (OTHER_REGION), so its people and orders are not read.
    if (scope !== null && row.region_id !== scope) return row;
    const [users, { orders, total }] = await Promise.all([usersOf(db, row.id), ordersOf(db, row.id, scope)]);
    return { ...row, users, orders, orders_total: total };
  },

  allowedActions: enterpriseActions,

  commands: {
    approve: { run: (db, actor, id, { body }) => approveEnterprise(db, actor, id, body) },
    reject: { run: (db, actor, id, { body }) => rejectEnterprise(db, actor, id, body) },
    correctBasicAccount: { run: (db, actor, id, { body }) => correctBasicAccount(db, actor, id, body) },
  },
};
