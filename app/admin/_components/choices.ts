import { INVOICE_MEDIUM_LABELS, INVOICE_STATUS_LABELS } from '@/lib/invoices/invoice-labels';
import { PROJECT_STATUS_LABELS, PROJECT_TYPE_LABELS } from '@/lib/projects/project-labels';

const toChoices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const projectTypeChoices = toChoices(PROJECT_TYPE_LABELS);
export const projectStatusChoices = toChoices(PROJECT_STATUS_LABELS);
export const invoiceStatusChoices = toChoices(INVOICE_STATUS_LABELS);
export const invoiceMediumChoices = toChoices(INVOICE_MEDIUM_LABELS);
