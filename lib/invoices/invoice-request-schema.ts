import { z } from 'zod';
import type { InvoiceMedium, InvoiceType } from '@/db/database';
import { isValidUscc } from '@/forms/formats/uscc';
import { DomainError, type FieldErrors } from '@/lib/errors/domain-error';
import { bankAccountNumber, contactPhone, requiredText } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';

const kindShape = {
  medium: z.enum(['electronic', 'paper'], { error: '请选择发票介质' }),
  invoiceType: z.enum(['ordinary', 'special'], { error: '请选择发票类型' }),
};

const baseShape = {
  ...kindShape,
  title: requiredText('发票抬头', 100),
  taxNumber: z
    .string({ error: '请填写纳税人识别号' })
    .trim()
    .toUpperCase()
    .refine(isValidUscc, { error: '纳税人识别号应为 18 位统一社会信用代码，且校验位正确' }),
};

/** What a special VAT invoice prints for the buyer (地址、电话、开户行及账号). */
const companyShape = {
  companyAddress: requiredText('注册地址', 200),
  companyPhone: contactPhone('注册电话'),
  companyBank: requiredText('开户银行', 100),
  companyAccount: bankAccountNumber('银行账号'),
};

/** Where a paper invoice is mailed. */
const deliveryShape = {
  recipientName: requiredText('收件人', 50),
  recipientPhone: contactPhone('收件人联系电话'),
  deliveryAddress: requiredText('邮寄地址', 200),
};

const base = z.object(baseShape);
const SCHEMAS = {
  electronic: { ordinary: base, special: base.extend(companyShape) },
  paper: { ordinary: base.extend(deliveryShape), special: base.extend(companyShape).extend(deliveryShape) },
};

export interface InvoiceRequest {
  medium: InvoiceMedium;
  invoiceType: InvoiceType;
  title: string;
  taxNumber: string;
  companyAddress?: string;
  companyPhone?: string;
  companyBank?: string;
  companyAccount?: string;
  recipientName?: string;
  recipientPhone?: string;
  deliveryAddress?: string;
}

/**
 * The fields an invoice request needs depend on what is asked for: a special invoice names the buyer's
 * registered address, phone, bank and account; a paper one where to mail it. Fields the chosen kind does
 * not use are dropped, so nothing outside the form is stored. The browser runs the same check.
 */
export function parseInvoiceRequest(input: unknown): InvoiceRequest {
  const kind = z.object(kindShape).safeParse(input);
  // Until the kind is known, the base fields' errors (the kind's among them) are what there is to say.
  return parseInput(kind.success ? SCHEMAS[kind.data.medium][kind.data.invoiceType] : base, input);
}

/** For the form: the same check, as field errors (none when the request is complete). */
export function invoiceRequestFieldErrors(input: unknown): FieldErrors | null {
  try {
    parseInvoiceRequest(input);
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.fieldErrors ?? { _: error.message };
    throw error;
  }
}
