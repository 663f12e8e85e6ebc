import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
import { invoiceLifecycle } from './invoice-lifecycle';
import { allowedInvoiceActions } from './invoice-lifecycle';
import { issueInvoice } from './issue-invoice';
import { MAX_INVOICE_PDF_BYTES } from './store-invoice-pdf';
import { voidInvoice } from './void-invoice';

export function selectInvoices(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('invoices')
    .innerJoin('orders', 'orders.id', 'invoices.order_id')
    .innerJoin('enterprises', 'enterprises.id', 'orders.enterprise_id')
    .innerJoin('sections', 'sections.id', 'orders.section_id')
    .innerJoin('projects', 'projects.id', 'sections.project_id')
    .innerJoin('users as requester', 'requester.id', 'invoices.requested_by')
    .leftJoin('users as issuer', 'issuer.id', 'invoices.issued_by')
    .leftJoin('users as voider', 'voider.id', 'invoices.voided_by')
    .select([
      'invoices.id', 'invoices.order_id', 'orders.order_number', 'orders.status as order_status',
      'enterprises.name as enterprise_name', 'projects.name as project_name', 'sections.name as section_name',
      'projects.region_id', 'orders.premium_fen as amount_fen', 'invoices.medium', 'invoices.invoice_type',
      'invoices.title', 'invoices.tax_number', 'invoices.company_address', 'invoices.company_phone',
      'invoices.company_bank', 'invoices.company_account', 'invoices.recipient_name', 'invoices.recipient_phone',
      'invoices.delivery_address', 'invoices.status', 'invoices.decision_id', 'invoices.requested_at',
      'requester.display_name as requested_by_name', 'invoices.invoice_number', 'invoices.document_id',
      'invoices.carrier', 'invoices.tracking_number', 'invoices.issued_at', 'issuer.display_name as issued_by_name',
      'invoices.void_reason', 'invoices.voided_at', 'voider.display_name as voided_by_name',
    ]);
}

/**
 * 发票: the region's invoice requests, oldest first, for operators to issue (upload the PDF, or record
 * the mailing) or void. Issuing and voiding are commands of the invoice lifecycle (invoice-lifecycle.ts),
 * not updates: 开具 takes a multipart form with the PDF of an electronic invoice, and 作废 must say why.
 */
export const invoiceResource: ResourceDefinition<InvoiceRecord> = {
  name: 'invoices',
  entityType: 'invoice',
  label: '发票',
  idSchema: z.uuid({ error: '发票编号无效' }),
  defaultSort: 'requested_at',

  list: declaredList({
    from: selectInvoices,
    id: 'invoices.id',
    region: { column: 'projects.region_id' },
    filters: {
      status: { column: 'invoices.status', values: invoiceLifecycle.stateNames },
      medium: { column: 'invoices.medium', values: ['electronic', 'paper'] },
    },
    search: ['orders.order_number', 'enterprises.name', 'invoices.invoice_number'],
    sortable: {
      id: 'invoices.id',
      requested_at: 'invoices.requested_at',
      issued_at: 'invoices.issued_at',
      amount_fen: 'orders.premium_fen',
    },
  }),

  findById: (db, id) => selectInvoices(db).where('invoices.id', '=', String(id)).executeTakeFirst(),

  allowedActions: (record, actor) =>
    allowedInvoiceActions({ status: record.status, regionId: record.region_id, hasDocument: record.document_id !== null }, actor),

  commands: {
    /** `invoice_number`, and `file` (electronic) or `carrier` and `tracking_number` (paper). */
    issue: {
      run: (db, actor, id, { body, file }) => issueInvoice(db, actor, id, body, file),
      upload: { maxBytes: MAX_INVOICE_PDF_BYTES, tooLarge: '发票文件不能超过 5 MB' },
    },
    /** 作废（红冲）: `{ "reason": "…" }`. */
    void: { run: (db, actor, id, { body }) => voidInvoice(db, actor, id, body) },
  },
};

/** An invoice as the back office lists it: what `selectInvoices` reads, nothing written out again by hand. */
export type InvoiceRecord = Awaited<ReturnType<ReturnType<typeof selectInvoices>['executeTakeFirstOrThrow']>>;
