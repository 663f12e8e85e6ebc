import { z } from 'zod';
import { fen, requiredText } from '@/lib/validation/fields';

/** What a bank reports about one incoming transfer (webhook body or a statement row). */
export const transferNotificationSchema = z.object({
  transactionId: requiredText('银行交易流水号', 64),
  amountFen: fen('转账金额', { min: 1 }),
  payerName: requiredText('付款户名', 200),
  payerAccount: z.string({ error: '请填写付款账号' }).transform((v) => v.replace(/\s+/g, '')).pipe(z.string().regex(/^\d{6,32}$/, { error: '付款账号应为 6 至 32 位数字' })),
  payerKind: z.enum(['enterprise', 'personal'], { error: '付款方类型只能是 enterprise 或 personal' }),
  remark: z.string({ error: '请填写附言' }).max(200, { error: '附言过长' }).default(''),
  bankTime: z.iso.datetime({ offset: true, error: '银行记账时间格式不正确' }).transform((v) => new Date(v)),
});

export type TransferNotification = z.output<typeof transferNotificationSchema>;
