import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { enqueue } from '@/lib/outbox/enqueue';
import type { AttachmentRef } from '@/lib/outbox/outbox-payloads';
import { selectOrdersWithParties } from '@/lib/orders/order-join';
import { applicantEmail } from './applicant-email';
import type { RenderedMail } from './mail-layout';

/** What every mail about an order says or needs: its parties, its project, and where it goes. */
export interface OrderMailContext {
  orderId: string;
  orderNumber: string;
  enterpriseName: string;
  projectName: string;
  projectCode: string;
  sectionName: string;
  depositFen: number;
  premiumFen: number;
  bidOpeningAt: Date;
  regionId: string;
  /** The applicant's e-mail (applicant-email.ts). */
  to: string;
}

/** The order's mail context, or null when the order has no e-mail to write to (nothing is sent then). */
export async function orderMailContext(trx: Transaction<Database>, orderId: string): Promise<OrderMailContext | null> {
  const order = await selectOrdersWithParties(trx)
    .where('orders.id', '=', orderId)
    .select([
      'orders.id', 'orders.order_number', 'orders.form_data', 'orders.deposit_fen', 'orders.premium_fen', 'enterprises.name as enterprise_name',
      'enterprises.email', 'projects.name as project_name', 'projects.code as project_code', 'projects.bid_opening_at', 'projects.region_id',
      'sections.name as section_name',
    ])
    .executeTakeFirst();
  if (!order) return null;
  const to = applicantEmail(order.form_data, order.email);
  if (!to) return null;
  return {
    orderId: order.id,
    orderNumber: order.order_number,
    enterpriseName: order.enterprise_name,
    projectName: order.project_name,
    projectCode: order.project_code,
    sectionName: order.section_name,
    depositFen: order.deposit_fen,
    premiumFen: order.premium_fen,
    bidOpeningAt: order.bid_opening_at,
    regionId: order.region_id,
    to,
  };
}

/** The ordering key of an order's mails: they reach the applicant in the order they were written. */
export const orderMailKey = (orderId: string) => `mail:order:${orderId}`;

/** Writes an order's mail to the outbox, in the transaction of the change it tells of. */
export function enqueueOrderMail(trx: Transaction<Database>, context: OrderMailContext, mail: RenderedMail, attachments: AttachmentRef[] = []): Promise<string> {
  return enqueue(trx, {
    kind: 'email',
    destination: context.to,
    orderingKey: orderMailKey(context.orderId),
    summary: mail.subject,
    payload: { subject: mail.subject, text: mail.text, html: mail.html, attachments },
    regionId: context.regionId,
  });
}
