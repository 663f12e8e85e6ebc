import type { InvoiceStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { mayWrite } from '@/lib/auth/authorize';
import { actionsFrom, defineLifecycle } from '@/lib/lifecycle/lifecycle';
import { INVOICE_STATUS_LABELS } from './invoice-labels';

/**
 * An invoice from the bidder's request (created 待开具) to its issue, or to its voiding (红冲) with a reason;
 * a voided invoice stays on the record and the bidder may ask again. 下载发票 changes nothing: it is the
 * bidder's, of an issued invoice.
 */
export const invoiceLifecycle = defineLifecycle({
  noun: '发票',
  states: INVOICE_STATUS_LABELS,
  initial: ['requested'],
  actions: {
    issue: { label: '开具发票', from: ['requested'], to: 'issued' },
    void: { label: '作废', from: ['requested', 'issued'], to: 'voided' },
    download: { label: '下载发票', from: ['issued'] },
  },
  // What the second of two operators acting on one invoice at once is told.
  refusal(action, current) {
    if (current === 'voided') return '该发票已作废';
    if (action === 'issue' && current === 'issued') return '该发票已开具，不能再次开具';
    return undefined;
  },
});

export type InvoiceAction = (typeof invoiceLifecycle.actionNames)[number];

export type LiveInvoiceStatus = Exclude<InvoiceStatus, 'voided'>;

/** The states of an invoice that counts (requested or issued): an order has at most one. A voided one no longer does. */
export const LIVE_INVOICE_STATES: readonly LiveInvoiceStatus[] = ['requested', 'issued'];

export function isLiveInvoice(status: InvoiceStatus): status is LiveInvoiceStatus {
  return (LIVE_INVOICE_STATES as readonly InvoiceStatus[]).includes(status);
}

/** What allowedInvoiceActions needs to know of an invoice, from the back office's record or the bidder's. */
export interface InvoiceFacts {
  status: InvoiceStatus;
  /** The region of the order's project: its operators issue and void. */
  regionId: string | null;
  /** The enterprise whose order it is, when the reader may be that enterprise's bidder. */
  enterpriseId?: string | null;
  /** An electronic invoice's PDF was uploaded. */
  hasDocument: boolean;
}

/**
 * The actions the reader may take on the invoice now: the lifecycle's from its state, filtered by rights —
 * an operator of its region or a platform administrator issues and voids (compliance only reads); the
 * order's own bidder downloads an issued invoice's PDF.
 */
export function allowedInvoiceActions(invoice: InvoiceFacts, actor: Actor): InvoiceAction[] {
  return actionsFrom(invoiceLifecycle, invoice.status).filter((action) => {
    if (action === 'download') {
      return actor.role === 'bidder' && actor.enterpriseId !== null && actor.enterpriseId === invoice.enterpriseId && invoice.hasDocument;
    }
    return mayWrite(actor, invoice.regionId);
  });
}
