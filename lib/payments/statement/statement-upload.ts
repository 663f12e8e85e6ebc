import { z } from 'zod';
import { configuredBankCodes } from '@/lib/config/bank-secrets';

/** What comes with a statement file: the bank it is from, and the file's name for the audit chain. */
export interface StatementUpload {
  bankCode: string;
  fileName?: string;
  /** The file's bytes as uploaded: the encoding is found on the server. */
  csv: Uint8Array;
}

export const statementUploadSchema = z.object({
  bankCode: z
    .string({ error: '请选择银行' })
    .min(1, { error: '请选择银行' })
    .refine((code) => configuredBankCodes().includes(code), { error: '该银行未配置，不能导入其流水' }),
  fileName: z.string().trim().max(200, { error: '文件名过长' }).optional(),
});
