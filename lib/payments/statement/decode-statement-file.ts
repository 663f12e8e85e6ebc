import { DomainError } from '@/lib/errors/domain-error';

export type StatementEncoding = 'utf-8' | 'gbk';

/**
 * The text of an uploaded statement. Chinese banks and Excel on Chinese Windows write GBK, everything
 * else UTF-8: a file that is valid UTF-8 is read as UTF-8 (a GBK file of Chinese text almost never is),
 * anything else as GBK. UTF-16 (Excel's "Unicode text") is refused with a hint rather than read as noise.
 */
export function decodeStatementFile(bytes: Uint8Array): { text: string; encoding: StatementEncoding } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new DomainError('VALIDATION_FAILED', '文件是 UTF-16 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”');
  }
  try {
    // The decoder drops a leading BOM itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: GBK it is, or nothing we can read.
  }
  try {
    return { text: new TextDecoder('gbk', { fatal: true }).decode(bytes), encoding: 'gbk' };
  } catch {
    throw new DomainError('VALIDATION_FAILED', '无法识别文件编码，请保存为 UTF-8 或 GBK 编码的 CSV 文件');
  }
}
