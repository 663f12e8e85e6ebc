import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';

export const MAX_INVOICE_PDF_BYTES = 5 * 1024 * 1024;

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/**
 * Refuses anything but a PDF of reasonable size. The file's own first bytes decide, not its name or the
 * browser's content type, since the bidder's browser will open what we serve as a PDF.
 */
export function checkInvoicePdf(file: UploadedFile | undefined): UploadedFile {
  const error = (message: string) => new DomainError('VALIDATION_FAILED', message, { file: message });
  if (!file || file.bytes.length === 0) throw error('请上传电子发票 PDF 文件');
  if (file.bytes.length > MAX_INVOICE_PDF_BYTES) throw error('发票文件不能超过 5 MB');
  if (!PDF_MAGIC.every((byte, i) => file.bytes[i] === byte)) throw error('发票文件必须是 PDF 格式');
  return file;
}

/** Stores a checked PDF in `documents` inside the caller's transaction and returns its id. */
export async function storeInvoicePdf(trx: Transaction<Database>, actor: Actor, file: UploadedFile): Promise<{ id: string; sha256: string }> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const row = await trx
    .insertInto('documents')
    .values({
      // Kept for the record only; downloads are named after the invoice number.
      file_name: file.name.slice(0, 200) || 'invoice.pdf',
      content_type: 'application/pdf',
      sha256,
      content: file.bytes,
      uploaded_by: actor.userId,
      uploaded_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, sha256 };
}
