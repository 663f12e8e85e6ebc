import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { getRecord } from '@/lib/back-office/get-record';
import { DomainError } from '@/lib/errors/domain-error';
import type { InvoiceFile } from './download-my-invoice';
import { invoiceResource, type InvoiceRecord } from './invoice-resource';

/**
 * The uploaded PDF of an electronic invoice, for the back office (its region's operators, compliance),
 * so what was uploaded can be checked; voided ones too, as part of the record.
 */
export async function readInvoiceDocument(db: Kysely<Database>, actor: Actor, rawId: string): Promise<InvoiceFile> {
  const invoice = (await getRecord(db, actor, invoiceResource, rawId)) as InvoiceRecord;
  const document = invoice.document_id
    ? await db.selectFrom('documents').select('content').where('id', '=', invoice.document_id).executeTakeFirst()
    : undefined;
  if (!document) throw new DomainError('NOT_FOUND', '该发票没有上传的文件');
  return { fileName: `发票-${invoice.invoice_number ?? invoice.id}.pdf`, content: document.content };
}
