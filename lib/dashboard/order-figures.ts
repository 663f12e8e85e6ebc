import { sql, type Kysely } from 'kysely';
import type { Database, OrderStatus, ProjectType } from '@/db/database';
import type { RegionScope } from '@/lib/auth/authorize';
import { PROJECT_TYPE_LABELS } from '@/lib/projects/project-labels';
import { now } from '@/lib/time/clock';
import { selectOrdersWithProject } from '@/lib/orders/order-join';
import { isPaid } from '@/lib/orders/order-lifecycle';
import { ORDER_STATUS_LABELS } from '@/lib/orders/order-status';

/** A premium counts once it is paid: the lifecycle's own question, asked of every state. */
const PAID = (Object.keys(ORDER_STATUS_LABELS) as OrderStatus[]).filter(isPaid);

const DAY = 24 * 60 * 60 * 1000;

export interface OrderFigures {
  today: { orders: number; premiumFen: number };
  month: { orders: number; premiumFen: number };
  premiumsByInsurer: { label: string; premiumFen: number }[];
  premiumsByProjectType: { label: string; premiumFen: number }[];
  /** The last 30 Beijing days, oldest first, every day present. */
  dailyOrders: { day: string; orders: number }[];
}

const beijingDay = sql<string>`to_char(orders.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

function ordersOf(db: Kysely<Database>, scope: RegionScope) {
  let query = selectOrdersWithProject(db);
  if (scope !== null) query = query.where('projects.region_id', '=', scope);
  return query;
}

const dayOf = (instant: Date) => new Date(instant.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);

/**
 * 工作台's figures for the reader's region: orders placed today and this month (Beijing) with their paid
 * premiums, this month's paid premiums by insurer and by project type, and orders placed per day for 30 days.
 */
export async function orderFigures(db: Kysely<Database>, scope: RegionScope): Promise<OrderFigures> {
  const today = dayOf(now());
  const monthStart = `${today.slice(0, 7)}-01`;
  const firstDay = dayOf(new Date(now().getTime() - 29 * DAY));
  const paidPremium = sql<string>`coalesce(sum(case when orders.status in (${sql.join(PAID)}) then orders.premium_fen else 0 end), 0)`;
  const paidOnly = sql<string>`coalesce(sum(orders.premium_fen), 0)`;

  const [totals, byInsurer, byType, daily] = await Promise.all([
    ordersOf(db, scope)
      .where(beijingDay, '>=', monthStart)
      .select([
        sql<string>`count(*) filter (where ${beijingDay} = ${today})`.as('today_orders'),
        sql<string>`coalesce(sum(orders.premium_fen) filter (where ${beijingDay} = ${today} and orders.status in (${sql.join(PAID)})), 0)`.as('today_premium'),
        sql<string>`count(*)`.as('month_orders'),
        paidPremium.as('month_premium'),
      ])
      .executeTakeFirstOrThrow(),
    ordersOf(db, scope)
      .innerJoin('products', 'products.id', 'orders.product_id')
      .innerJoin('insurers', 'insurers.id', 'products.insurer_id')
      .where(beijingDay, '>=', monthStart)
      .where('orders.status', 'in', PAID)
      .groupBy('insurers.name')
      .select(['insurers.name as label', paidOnly.as('premium')])
      .orderBy('insurers.name')
      .execute(),
    ordersOf(db, scope)
      .where(beijingDay, '>=', monthStart)
      .where('orders.status', 'in', PAID)
      .groupBy('projects.type')
      .select(['projects.type as type', paidOnly.as('premium')])
      .orderBy('projects.type')
      .execute(),
    ordersOf(db, scope)
      .where(beijingDay, '>=', firstDay)
      .groupBy(beijingDay)
      .select([beijingDay.as('day'), sql<string>`count(*)`.as('orders')])
      .execute(),
  ]);

  const perDay = new Map(daily.map((d) => [d.day, Number(d.orders)]));
  const dailyOrders = Array.from({ length: 30 }, (_, i) => {
    const day = dayOf(new Date(now().getTime() - (29 - i) * DAY));
    return { day, orders: perDay.get(day) ?? 0 };
  });
  return {
    today: { orders: Number(totals.today_orders), premiumFen: Number(totals.today_premium) },
    month: { orders: Number(totals.month_orders), premiumFen: Number(totals.month_premium) },
    premiumsByInsurer: byInsurer.map((r) => ({ label: r.label, premiumFen: Number(r.premium) })),
    premiumsByProjectType: byType.map((r) => ({ label: PROJECT_TYPE_LABELS[r.type as ProjectType], premiumFen: Number(r.premium) })),
    dailyOrders,
  };
}
