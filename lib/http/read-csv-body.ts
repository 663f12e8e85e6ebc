import { DomainError } from '@/lib/errors/domain-error';
import { readCappedBody } from './read-capped-body';

/**
 * An uploaded CSV file sent as the raw request body (`Content-Type: text/csv`), as bytes: its encoding
 * (UTF-8 or GBK) is decided by whoever reads it. text/csv is not a type a cross-site form can send, so
 * like JSON it cannot arrive without a CORS preflight, which we never grant. The body is read up to
 * `maxBytes` and no further.
 */
export async function readCsvBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('text/csv')) {
    throw new DomainError('VALIDATION_FAILED', '请上传 CSV 文件（Content-Type: text/csv）');
  }
  return readCappedBody(request, maxBytes, `文件超过 ${Math.floor(maxBytes / 1024 / 1024)} MB，请按日期分成几个文件分别导入`);
}
