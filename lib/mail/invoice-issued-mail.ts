import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { INVOICE_TYPE_LABELS } from '@/lib/invoices/invoice-labels';
import { formatFen } from '@/lib/money/format-fen';
import { renderMail } from './mail-layout';
import { enqueueOrderMail, orderMailContext } from './order-mail';

/**
 * An issued electronic invoice to the applicant, with its PDF (by reference: the document is read when the
 * mail is sent), in the transaction that issues it. A paper invoice is mailed by post and has its tracking
 * number on the order page; it sends no e-mail.
 */
export async function enqueueInvoiceIssuedMail(trx: Transaction<Database>, invoiceId: string): Promise<string | null> {
  const invoice = await trx
    .selectFrom('invoices')
    .select(['order_id', 'medium', 'invoice_type', 'title', 'tax_number', 'invoice_number', 'document_id'])
    .where('id', '=', invoiceId)
    .executeTakeFirstOrThrow();
  if (invoice.medium !== 'electronic' || !invoice.document_id || !invoice.invoice_number) return null;
  const order = await orderMailContext(trx, invoice.order_id);
  if (!order) return null;
  const fileName = `发票-${invoice.invoice_number}.pdf`;
  const mail = renderMail({
    subject: `【电子保函服务平台】电子发票已开具：订单 ${order.orderNumber}（发票号码 ${invoice.invoice_number}）`,
    greeting: `${order.enterpriseName}：`,
    paragraphs: [
      `贵单位为「${order.projectName}」${order.sectionName}投标保函申请的保费发票已开具，电子发票见附件「${fileName}」。`,
    ],
    details: [
      ['发票号码', invoice.invoice_number],
      ['发票类型', `电子${INVOICE_TYPE_LABELS[invoice.invoice_type]}`],
      ['发票抬头', invoice.title],
      ['纳税人识别号', invoice.tax_number],
      ['金额（保费）', formatFen(order.premiumFen)],
      ['订单号', order.orderNumber],
    ],
    instructions: ['电子发票与纸质发票具有同等法律效力，请妥善保存；也可登录电子保函服务平台，在订单详情中再次下载。'],
  });
  return enqueueOrderMail(trx, order, mail, [{ kind: 'document', documentId: invoice.document_id, fileName }]);
}
