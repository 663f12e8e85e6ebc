import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { formatFen } from '@/lib/money/format-fen';
import { formatChineseDateTime } from '@/lib/time/format-chinese-date';
import { renderMail } from './mail-layout';
import { enqueueOrderMail, orderMailContext } from './order-mail';

/**
 * The order was cancelled because its premium was not paid by the deposit deadline (the deadline sweep), in
 * the transaction that cancels it. Nothing was paid, so nothing is refunded; a payment that arrives later is
 * refunded, and that refund has its own mail.
 */
export async function enqueueOrderExpiredMail(trx: Transaction<Database>, orderId: string): Promise<string | null> {
  const order = await orderMailContext(trx, orderId);
  if (!order) return null;
  const deadline = await trx
    .selectFrom('sections')
    .innerJoin('projects', 'projects.id', 'sections.project_id')
    .innerJoin('orders', 'orders.section_id', 'sections.id')
    .select('projects.deposit_deadline')
    .where('orders.id', '=', orderId)
    .executeTakeFirstOrThrow();
  const mail = renderMail({
    subject: `【电子保函服务平台】订单已取消：${order.projectName} ${order.sectionName}（订单 ${order.orderNumber}）`,
    greeting: `${order.enterpriseName}：`,
    paragraphs: [
      `贵单位为「${order.projectName}」${order.sectionName}申请的投标保函订单，在保证金缴纳截止时间（${formatChineseDateTime(deadline.deposit_deadline)}）前未收到保费，系统已自动取消该订单。`,
      '本订单未收到付款，无需退款。',
    ],
    details: [
      ['订单号', order.orderNumber],
      ['项目', `${order.projectName}（${order.projectCode}）`],
      ['标段', order.sectionName],
      ['应付保费', formatFen(order.premiumFen)],
    ],
    instructions: ['如截止时间后仍向保险公司账户转入了保费，该款项将原路退回，届时另行通知退款金额和预计退款日期。'],
  });
  return enqueueOrderMail(trx, order, mail);
}
