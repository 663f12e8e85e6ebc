import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { REFUND_WORKING_DAYS } from '@/lib/calendar/refund-due-date';
import { formatFen } from '@/lib/money/format-fen';
import { formatChineseDate } from '@/lib/time/format-chinese-date';
import { renderMail } from './mail-layout';
import { enqueueOrderMail, orderMailContext } from './order-mail';

/** '2026-12-01' (a calendar date as stored) → 2026年12月1日. */
const chineseDay = (day: string) => {
  const [year, month, date] = day.split('-');
  return `${year}年${Number(month)}月${Number(date)}日`;
};

function loadRefund(trx: Transaction<Database>, refundId: string) {
  return trx
    .selectFrom('refunds')
    .leftJoin('bank_transfers', 'bank_transfers.id', 'refunds.transfer_id')
    .select([
      'refunds.order_id', 'refunds.amount_fen', 'refunds.reason', 'refunds.due_date', 'refunds.payee_name', 'refunds.payee_bank', 'refunds.payee_account',
      'refunds.bank_reference', 'refunds.refunded_at', 'bank_transfers.payer_name', 'bank_transfers.payer_account',
    ])
    .where('refunds.id', '=', refundId)
    .executeTakeFirstOrThrow();
}

type Refund = Awaited<ReturnType<typeof loadRefund>>;

/** Where the money goes, as the applicant reads it (account numbers shortened to their last four digits). */
function payee(refund: Refund): string {
  const tail = (account: string | null) => (account ? `尾号 ${account.replace(/\s+/g, '').slice(-4)}` : '');
  if (refund.payee_account) return `${refund.payee_name}，${refund.payee_bank}，${tail(refund.payee_account)}`;
  if (refund.payer_account) return `原路退回付款账户（${refund.payer_name}，${tail(refund.payer_account)}）`;
  return '原路退回付款账户';
}

/**
 * A refund is owed (a payment refused or paid twice, a surrender approved): the amount, why, where it goes and
 * the date it is due by, in the transaction that creates it. A refund of no order (a transfer nobody claimed,
 * returned to its payer) has nobody to write to.
 */
export async function enqueueRefundDueMail(trx: Transaction<Database>, refundId: string): Promise<string | null> {
  const refund = await loadRefund(trx, refundId);
  if (!refund.order_id) return null;
  const order = await orderMailContext(trx, refund.order_id);
  if (!order) return null;
  const mail = renderMail({
    subject: `【电子保函服务平台】退款通知：订单 ${order.orderNumber} 将退还 ${formatFen(refund.amount_fen)}`,
    greeting: `${order.enterpriseName}：`,
    paragraphs: [
      `贵单位为「${order.projectName}」${order.sectionName}投标保函订单的款项将予退还：${refund.reason}。`,
      `退款金额 ${formatFen(refund.amount_fen)}，预计于 ${chineseDay(refund.due_date)} 前退回。`,
    ],
    details: [
      ['订单号', order.orderNumber],
      ['退款金额', formatFen(refund.amount_fen)],
      ['退款原因', refund.reason],
      ['收款账户', payee(refund)],
      ['预计退款日期', `${chineseDay(refund.due_date)} 前（${REFUND_WORKING_DAYS} 个工作日内）`],
    ],
    instructions: ['退款到账后将另行通知；如逾期未到账，请登录平台在订单详情中点击【支付遇到问题请点击】反馈。'],
  });
  return enqueueOrderMail(trx, order, mail);
}

/** The refund has been paid (an operator recorded the bank's reference), in the transaction that records it. */
export async function enqueueRefundPaidMail(trx: Transaction<Database>, refundId: string): Promise<string | null> {
  const refund = await loadRefund(trx, refundId);
  if (!refund.order_id) return null;
  const order = await orderMailContext(trx, refund.order_id);
  if (!order) return null;
  const mail = renderMail({
    subject: `【电子保函服务平台】退款已完成：订单 ${order.orderNumber} 已退还 ${formatFen(refund.amount_fen)}`,
    greeting: `${order.enterpriseName}：`,
    paragraphs: [`贵单位订单 ${order.orderNumber} 的退款 ${formatFen(refund.amount_fen)} 已办理退还，请注意查收。`],
    details: [
      ['订单号', order.orderNumber],
      ['退款金额', formatFen(refund.amount_fen)],
      ['退款原因', refund.reason],
      ['收款账户', payee(refund)],
      ['退款银行流水号', refund.bank_reference ?? '—'],
      ...(refund.refunded_at ? [['退款时间', formatChineseDate(refund.refunded_at)] as [string, string]] : []),
    ],
  });
  return enqueueOrderMail(trx, order, mail);
}
