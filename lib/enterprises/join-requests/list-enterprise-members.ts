import { sql, type Kysely } from 'kysely';
import type { Database, EnterpriseStatus, JoinRequestStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors/domain-error';
import { isEnterpriseAdministrator } from './enterprise-administrator';

export interface EnterpriseMember {
  id: string;
  displayName: string;
  phone: string;
  active: boolean;
  /** The first user, who decides join requests (企业管理员). */
  administrator: boolean;
  joinedAt: Date;
}

export interface JoinRequestView {
  id: string;
  displayName: string;
  phone: string;
  status: JoinRequestStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
}

export interface EnterpriseMembers {
  enterprise: { id: string; name: string; status: EnterpriseStatus };
  /** Whether the reader is the enterprise's administrator, who decides the requests. */
  administrator: boolean;
  members: EnterpriseMember[];
  membersTotal: number;
  /** Waiting for the administrator, oldest first; shown to the administrator only. */
  pendingRequests: JoinRequestView[];
  /** The administrator's latest decisions, newest first (at most 20). */
  decidedRequests: JoinRequestView[];
}

/**
 * 企业成员: the reader's own enterprise's users, and for its administrator the requests to join it. Every
 * member reads the member list; the requests (names and numbers of people not yet in) are the
 * administrator's alone.
 */
export async function listEnterpriseMembers(
  db: Kysely<Database>,
  actor: Actor,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<EnterpriseMembers> {
  if (actor.role !== 'bidder' || !actor.enterpriseId) throw notFound('企业');
  const enterprise = await db
    .selectFrom('enterprises')
    .select(['id', 'name', 'status', 'registered_by'])
    .where('id', '=', actor.enterpriseId)
    .executeTakeFirst();
  if (!enterprise) throw notFound('企业');
  const administrator = isEnterpriseAdministrator(actor, enterprise);
  const members = db.selectFrom('users').where('enterprise_id', '=', enterprise.id).where('role', '=', 'bidder');
  const [rows, count] = await Promise.all([
    members
      .select(['id', 'display_name', 'phone', 'active', 'created_at'])
      // The administrator first, then in the order they joined.
      .orderBy(sql<boolean>`coalesce(id = ${enterprise.registered_by}, false)`, 'desc')
      .orderBy('created_at')
      .orderBy('id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    members.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  const requests = db
    .selectFrom('enterprise_join_requests')
    .select(['id', 'display_name', 'phone', 'status', 'created_at', 'decided_at', 'decision_reason'])
    .where('enterprise_id', '=', enterprise.id);
  const [pending, decided] = administrator
    ? await Promise.all([
        requests.where('status', '=', 'pending').orderBy('created_at').orderBy('id').limit(100).execute(),
        requests.where('status', '!=', 'pending').orderBy('decided_at', 'desc').orderBy('id').limit(20).execute(),
      ])
    : [[], []];
  const view = (r: (typeof pending)[number]): JoinRequestView => ({
    id: r.id, displayName: r.display_name, phone: r.phone, status: r.status, createdAt: r.created_at, decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
  });
  return {
    enterprise: { id: enterprise.id, name: enterprise.name, status: enterprise.status },
    administrator,
    members: rows.map((u) => ({
      id: u.id, displayName: u.display_name, phone: u.phone, active: u.active, administrator: u.id === enterprise.registered_by, joinedAt: u.created_at,
    })),
    membersTotal: Number(count.n),
    pendingRequests: pending.map(view),
    decidedRequests: decided.map(view),
  };
}
