import { describe, expect, it } from 'vitest';
import type { ResolverOptions } from 'react-hook-form';
import { DomainError } from '@/lib/errors/domain-error';
import { parseInvoiceRequest } from '@/lib/invoices/invoice-request-schema';
import { invoiceFieldsOf, invoiceRequestOf, invoiceRequestResolver, type InvoiceRequestValues } from './invoice-request-values';

const FILLED: InvoiceRequestValues = {
  medium: 'electronic',
  invoiceType: 'ordinary',
  title: '新疆天山建设工程有限公司',
  taxNumber: '91650100712345678g',
  companyAddress: '',
  companyPhone: '',
  companyBank: '中国工商银行乌鲁木齐天山区支行',
  companyAccount: '3002 0123 0902 4567 812',
  recipientName: '李明',
  recipientPhone: '13900000001',
  deliveryAddress: '',
};

const resolve = async (values: InvoiceRequestValues) =>
  invoiceRequestResolver(values, undefined, { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<InvoiceRequestValues>);

/** What the server answers for the same values, field by field. */
function serverErrors(values: InvoiceRequestValues): Record<string, string> {
  try {
    parseInvoiceRequest(invoiceRequestOf(values));
    return {};
  } catch (error) {
    if (error instanceof DomainError) return error.fieldErrors ?? {};
    throw error;
  }
}

describe('the invoice request form\'s check', () => {
  it('asks for the fields of the chosen kind only', () => {
    expect(invoiceFieldsOf('electronic', 'ordinary')).toEqual(['title', 'taxNumber']);
    expect(invoiceFieldsOf('electronic', 'special')).toEqual(['title', 'taxNumber', 'companyAddress', 'companyPhone', 'companyBank', 'companyAccount']);
    expect(invoiceFieldsOf('paper', 'ordinary')).toEqual(['title', 'taxNumber', 'recipientName', 'recipientPhone', 'deliveryAddress']);
    expect(invoiceFieldsOf('paper', 'special')).toHaveLength(9);
    // Sent as typed; what another kind would use stays in the form but is not sent.
    expect(invoiceRequestOf(FILLED)).toEqual({ medium: 'electronic', invoiceType: 'ordinary', title: FILLED.title, taxNumber: '91650100712345678g' });
  });

  it('passes a complete request on as the form holds it', async () => {
    expect(await resolve(FILLED)).toEqual({ values: FILLED, errors: {} });
  });

  it('says what the server would, in the same words, for each field', async () => {
    const cases: InvoiceRequestValues[] = [
      { ...FILLED, title: ' ', taxNumber: '9165010071234567' },
      { ...FILLED, invoiceType: 'special' },
      { ...FILLED, medium: 'paper', recipientPhone: '12345', companyPhone: '不是电话' },
      { ...FILLED, medium: 'paper', invoiceType: 'special', companyAddress: '新疆乌鲁木齐市天山区解放北路 88 号', companyPhone: '0991-2345678', companyAccount: '12' },
    ];
    for (const values of cases) {
      const { errors } = await resolve(values);
      const messages = Object.fromEntries(Object.entries(errors).map(([field, error]) => [field, (error as { message: string }).message]));
      expect(messages).toEqual(serverErrors(values));
      expect(Object.keys(messages).length).toBeGreaterThan(0);
    }
    expect((await resolve({ ...FILLED, title: ' ', taxNumber: '9165010071234567' })).errors).toEqual({
      title: { type: 'validate', message: '请填写发票抬头' },
      taxNumber: { type: 'validate', message: '纳税人识别号应为 18 位统一社会信用代码，且校验位正确' },
    });
    expect(Object.keys((await resolve({ ...FILLED, invoiceType: 'special' })).errors)).toEqual(['companyAddress', 'companyPhone']);
    expect(Object.keys((await resolve({ ...FILLED, medium: 'paper', recipientPhone: '12345' })).errors)).toEqual(['recipientPhone', 'deliveryAddress']);
  });

  it('refuses text the database could not store, on its field, as the server does', async () => {
    const values = { ...FILLED, title: '新疆\u0000天山' };
    const { errors } = await resolve(values);
    expect(errors).toEqual({ title: { type: 'validate', message: serverErrors(values).title } });
    expect(errors.title?.message).toContain('U+0000');
  });
});
