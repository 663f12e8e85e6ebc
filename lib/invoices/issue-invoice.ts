import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { loadForWrite } from '@/lib/back-office/load-for-write';
import { DomainError } from '@/lib/errors/domain-error';
import { lockForAction, transition } from '@/lib/lifecycle/transition';
import { enqueueInvoiceIssuedMail } from '@/lib/mail/invoice-issued-mail';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { requiredText } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { invoiceLifecycle } from './invoice-lifecycle';
import { invoiceResource, selectInvoices, type InvoiceRecord } from './invoice-resource';
import { notInvoiceableReason } from './my-invoicing-order';
import { checkInvoicePdf, storeInvoicePdf, type UploadedFile } from './store-invoice-pdf';

// 8 digits on the older paper invoices, 20 on fully digitalized ones (全电发票).
const invoiceNumber = z
  .string({ error: '请填写发票号码' })
  .trim()
  .min(1, { error: '请填写发票号码' })
  .regex(/^\d{8,20}$/, { error: '发票号码应为 8 至 20 位数字' });

const electronicSchema = z.object({ invoice_number: invoiceNumber });

const paperSchema = z.object({
  invoice_number: invoiceNumber,
  carrier: requiredText('快递公司', 50),
  tracking_number: z
    .string({ error: '请填写运单号' })
    .trim()
    .min(1, { error: '请填写运单号' })
    .regex(/^[A-Za-z0-9-]{6,40}$/, { error: '运单号应为 6 至 40 位字母、数字或连字符' }),
});

/**
 * 开具发票: an operator of the order's region issues a requested invoice — for an electronic one it uploads
 * the invoice PDF with its number; for a paper one it records the number and the mailing (carrier and
 * tracking number). The bidder then downloads it, or sees the mailing, on the order page.
 */
export async function issueInvoice(
  db: Kysely<Database>,
  actor: Actor,
  rawId: string,
  input: unknown,
  file?: UploadedFile,
): Promise<InvoiceRecord> {
  requireWriter(actor);
  const id = parseInput(invoiceResource.idSchema, rawId);
  return writeTransaction(db, async (trx) => {
    const existing = (await loadForWrite(trx, actor, invoiceResource, id)) as InvoiceRecord;
    // Two operators issuing one invoice at once are taken one after the other; the second is told.
    await lockForAction(trx, 'invoices', invoiceLifecycle, existing.id, 'issue');
    const order = await trx.selectFrom('orders').select('status').where('id', '=', existing.order_id).forShare().executeTakeFirstOrThrow();
    // A premium that may still be refunded is not invoiced, as when the bidder asks (requestInvoice).
    if (notInvoiceableReason(order.status)) {
      throw new DomainError('CONFLICT', '订单已申请退保或已退保，不能开具发票；请作废该发票申请');
    }
    // Validated once the medium is known; authorization came first, so a caller without rights learns nothing.
    let fields: { invoice_number: string; carrier?: string; tracking_number?: string };
    let pdf: UploadedFile | null = null;
    if (existing.medium === 'electronic') {
      fields = parseInput(electronicSchema, input);
      pdf = checkInvoicePdf(file);
    } else {
      if (file) throw new DomainError('VALIDATION_FAILED', '纸质发票无需上传文件', { file: '纸质发票无需上传文件' });
      fields = parseInput(paperSchema, input);
    }
    const document = pdf ? await storeInvoicePdf(trx, actor, pdf) : null;
    await transition(trx, 'invoices', invoiceLifecycle, {
      id: existing.id,
      action: 'issue',
      set: {
        invoice_number: fields.invoice_number,
        document_id: document?.id ?? null,
        carrier: fields.carrier ?? null,
        tracking_number: fields.tracking_number ?? null,
        issued_by: actor.userId,
        issued_at: now(),
      },
    });
    // The electronic invoice goes to the applicant's e-mail with its PDF (read from the document when sent).
    await enqueueInvoiceIssuedMail(trx, existing.id);
    const issued = (await selectInvoices(trx).where('invoices.id', '=', existing.id).executeTakeFirst())!;
    await appendAuditEvent(trx, actor, {
      action: 'invoice.issue',
      entityType: 'invoice',
      entityId: existing.id,
      regionId: existing.region_id,
      before: existing,
      after: { ...issued, document_sha256: document?.sha256 ?? null },
    });
    return issued;
  });
}
