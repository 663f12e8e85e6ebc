import type { InvoiceMedium, InvoiceStatus, InvoiceType } from '@/db/database';
import { INVOICE_TYPE_CATALOG } from '@/rules/catalog/invoice-type';

// The rules catalog already names media and types for the rule editor; invoices use the same words.
function factValueLabels(fact: 'medium' | 'invoiceType'): Record<string, string> {
  return Object.fromEntries(
    INVOICE_TYPE_CATALOG.facts.flatMap((f) => (f.name === fact && 'values' in f ? f.values.map((v) => [v.value, v.label]) : [])),
  );
}

export const INVOICE_MEDIUM_LABELS = factValueLabels('medium') as Record<InvoiceMedium, string>;
export const INVOICE_TYPE_LABELS = factValueLabels('invoiceType') as Record<InvoiceType, string>;

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  requested: '待开具',
  issued: '已开具',
  voided: '已作废',
};

export const INVOICE_MEDIA: readonly InvoiceMedium[] = ['electronic', 'paper'];
export const INVOICE_TYPES: readonly InvoiceType[] = ['ordinary', 'special'];
