import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { invoiceLifecycle } from './invoice-lifecycle';
import { loadMyInvoicingOrder } from './my-invoicing-order';

export interface InvoiceFile {
  fileName: string;
  content: Uint8Array;
}

/**
 * 【下载发票】: the PDF of the order's issued electronic invoice, for a bidder of the order's enterprise
 * only (anyone else is told the order does not exist). A voided invoice is no longer valid and is not served.
 */
export async function downloadMyInvoice(db: Kysely<Database>, actor: Actor, orderId: string): Promise<InvoiceFile> {
  const order = await loadMyInvoicingOrder(db, actor, orderId);
  const invoice = await db
    .selectFrom('invoices')
    .innerJoin('documents', 'documents.id', 'invoices.document_id')
    .where('invoices.order_id', '=', order.id)
    .where('invoices.status', 'in', invoiceLifecycle.actions.download.from)
    .select(['invoices.invoice_number', 'documents.content'])
    .executeTakeFirst();
  if (!invoice) throw new DomainError('NOT_FOUND', '该订单没有可下载的电子发票');
  return { fileName: `发票-${invoice.invoice_number ?? order.id}.pdf`, content: invoice.content };
}
