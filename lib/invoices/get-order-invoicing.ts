import type { Kysely } from 'kysely';
import type { Database, InvoiceMedium, InvoiceStatus, InvoiceType } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { decide } from '@/lib/rules/decide';
import { summarizeOutcome } from '@/rules/explain-decision';
import { INVOICE_MEDIA, INVOICE_TYPES } from './invoice-labels';
import { allowedInvoiceActions, isLiveInvoice, type InvoiceAction } from './invoice-lifecycle';
import { bidOpened, LIVE_INVOICE_MESSAGE, loadMyInvoicingOrder, notInvoiceableReason } from './my-invoicing-order';

export interface MyInvoice {
  id: string;
  status: InvoiceStatus;
  medium: InvoiceMedium;
  invoiceType: InvoiceType;
  title: string;
  taxNumber: string;
  companyAddress: string | null;
  companyPhone: string | null;
  companyBank: string | null;
  companyAccount: string | null;
  recipientName: string | null;
  recipientPhone: string | null;
  deliveryAddress: string | null;
  requestedAt: Date;
  invoiceNumber: string | null;
  /** An electronic invoice's PDF is there to download. */
  hasDocument: boolean;
  carrier: string | null;
  trackingNumber: string | null;
  issuedAt: Date | null;
  voidReason: string | null;
  voidedAt: Date | null;
  /** It counts (requested or issued): the order has no other, and another cannot be asked for. */
  live: boolean;
  /** What the bidder may do with it now (下载发票). */
  allowedActions: InvoiceAction[];
}

/** One medium and type, and whether the rules would allow it now (with their reason when not). */
export interface InvoiceChoice {
  medium: InvoiceMedium;
  invoiceType: InvoiceType;
  allowed: boolean;
  refusal: string | null;
}

export interface InvoiceDefaults {
  title: string;
  taxNumber: string;
  companyBank: string;
  companyAccount: string;
  recipientName: string;
  recipientPhone: string;
}

/** What the bidder may do about the order's invoicing: 【申请发票】. */
export type OrderInvoicingAction = 'requestInvoice';

export interface OrderInvoicing {
  amountFen: number;
  /** Newest first; voided ones stay, with their reason. */
  invoices: MyInvoice[];
  /** Why the bidder cannot ask for an invoice now; null when the request form may open. */
  closedReason: string | null;
  /** 'requestInvoice' when the request form may open (there is no closedReason). */
  allowedActions: OrderInvoicingAction[];
  /** Every medium and type with what the rules say now, for the form to show as the bidder picks. */
  choices: InvoiceChoice[];
  defaults: InvoiceDefaults;
}

/**
 * What the order page shows about invoices: the order's invoices, and whether and which invoice may be
 * requested. The rules are asked without logging (nothing is being decided yet), so the form reflects the
 * region's published version; the request itself is decided again, and logged, by requestInvoice.
 */
export async function getOrderInvoicing(db: Kysely<Database>, actor: Actor, orderId: string): Promise<OrderInvoicing> {
  const order = await loadMyInvoicingOrder(db, actor, orderId);
  const rows = await db
    .selectFrom('invoices')
    .where('order_id', '=', order.id)
    .select([
      'id', 'status', 'medium', 'invoice_type as invoiceType', 'title', 'tax_number as taxNumber',
      'company_address as companyAddress', 'company_phone as companyPhone', 'company_bank as companyBank',
      'company_account as companyAccount', 'recipient_name as recipientName', 'recipient_phone as recipientPhone',
      'delivery_address as deliveryAddress', 'requested_at as requestedAt', 'invoice_number as invoiceNumber',
      'document_id as documentId', 'carrier', 'tracking_number as trackingNumber', 'issued_at as issuedAt',
      'void_reason as voidReason', 'voided_at as voidedAt',
    ])
    .orderBy('requested_at', 'desc')
    .orderBy('id')
    .execute();
  const invoices = rows.map(({ documentId, ...invoice }): MyInvoice => {
    const hasDocument = documentId !== null;
    const facts = { status: invoice.status, regionId: order.regionId, enterpriseId: order.enterpriseId, hasDocument };
    return { ...invoice, hasDocument, live: isLiveInvoice(invoice.status), allowedActions: allowedInvoiceActions(facts, actor) };
  });

  const live = invoices.map((i) => i.status).find(isLiveInvoice);
  let closedReason = notInvoiceableReason(order.status) ?? (live ? LIVE_INVOICE_MESSAGE[live] : null);
  let choices: InvoiceChoice[] = [];
  if (!closedReason) {
    const opened = bidOpened(order);
    choices = await Promise.all(
      INVOICE_MEDIA.flatMap((medium) =>
        INVOICE_TYPES.map(async (invoiceType) => {
          const { outcome } = await decide(db, 'invoice-type', { bidOpened: opened, medium, invoiceType }, { region: order.regionId });
          return { medium, invoiceType, allowed: outcome.allowed, refusal: outcome.allowed ? null : summarizeOutcome('invoice-type', outcome) };
        }),
      ),
    );
    if (!choices.some((c) => c.allowed)) {
      // Rules put "not yet" before "not this kind", so before bid opening every choice gives that reason.
      closedReason = choices[0]?.refusal ?? '暂不能申请发票';
    }
  }
  return {
    amountFen: order.premiumFen,
    invoices,
    closedReason,
    allowedActions: closedReason === null ? ['requestInvoice'] : [],
    choices,
    defaults: {
      title: order.enterpriseName,
      taxNumber: order.uscc,
      companyBank: order.basicAccountBank,
      companyAccount: order.basicAccountNumber,
      recipientName: order.contactName,
      recipientPhone: order.contactPhone,
    },
  };
}
