import type { FieldErrors, Resolver } from 'react-hook-form';
import type { InvoiceMedium, InvoiceType } from '@/db/database';
import { invoiceRequestFieldErrors } from '@/lib/invoices/invoice-request-schema';

export type InvoiceTextField =
  | 'title' | 'taxNumber' | 'companyAddress' | 'companyPhone' | 'companyBank' | 'companyAccount'
  | 'recipientName' | 'recipientPhone' | 'deliveryAddress';

export const INVOICE_FIELD_LABELS: Record<InvoiceTextField, string> = {
  title: '发票抬头',
  taxNumber: '纳税人识别号',
  companyAddress: '注册地址',
  companyPhone: '注册电话',
  companyBank: '开户银行',
  companyAccount: '银行账号',
  recipientName: '收件人',
  recipientPhone: '联系电话',
  deliveryAddress: '邮寄地址',
};

const ALWAYS: InvoiceTextField[] = ['title', 'taxNumber'];
const SPECIAL: InvoiceTextField[] = ['companyAddress', 'companyPhone', 'companyBank', 'companyAccount'];
const PAPER: InvoiceTextField[] = ['recipientName', 'recipientPhone', 'deliveryAddress'];

/** The request form's values: the kind of invoice, and every text field any kind uses (kept while the bidder switches). */
export type InvoiceRequestValues = { medium: InvoiceMedium; invoiceType: InvoiceType } & Record<InvoiceTextField, string>;

/** The fields this kind of invoice needs: a special one names the buyer's company details, a paper one where to mail it. */
export function invoiceFieldsOf(medium: InvoiceMedium, invoiceType: InvoiceType): InvoiceTextField[] {
  return [...ALWAYS, ...(invoiceType === 'special' ? SPECIAL : []), ...(medium === 'paper' ? PAPER : [])];
}

/** What is sent to the server: the kind and its own fields, as typed (the server trims and normalizes). */
export function invoiceRequestOf(values: InvoiceRequestValues): Record<string, string> {
  return {
    medium: values.medium,
    invoiceType: values.invoiceType,
    ...Object.fromEntries(invoiceFieldsOf(values.medium, values.invoiceType).map((f) => [f, values[f]])),
  };
}

/**
 * react-hook-form's check of the request: the server's own schema (invoice-request-schema.ts) run on what
 * would be sent, so the form says exactly the Chinese the server would. A message about no field is the
 * form's own (`root`).
 */
export const invoiceRequestResolver: Resolver<InvoiceRequestValues> = (values) => {
  const errors = invoiceRequestFieldErrors(invoiceRequestOf(values));
  if (!errors) return { values, errors: {} };
  return {
    values: {},
    errors: Object.fromEntries(
      Object.entries(errors).map(([field, message]) => [field === '_' ? 'root' : field, { type: 'validate', message }]),
    ) as FieldErrors<InvoiceRequestValues>,
  };
};
