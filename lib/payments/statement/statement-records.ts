import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { DomainError } from '@/lib/errors/domain-error';

export type StatementEncoding = 'utf-8' | 'gb18030';

/** One record of a CSV file and the line of the file it starts on (1-based), for error messages. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

// The decoder is fed slices of the file, so the text of a 16 MB statement never exists as one string.
const SLICE_BYTES = 64 * 1024;

/**
 * The encoding of an uploaded statement. Chinese banks and Excel on Chinese Windows write GBK (read as
 * GB18030, its superset), everything else UTF-8: a file that is valid UTF-8 is read as UTF-8 (a GBK file
 * of Chinese text almost never is), anything else as GB18030. UTF-16 (Excel's "Unicode text") is refused
 * with a hint rather than read as noise. `isUtf8` checks the bytes without decoding them.
 */
export function detectStatementEncoding(bytes: Uint8Array): StatementEncoding {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new DomainError('VALIDATION_FAILED', '文件是 UTF-16 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”');
  }
  return isUtf8(bytes) ? 'utf-8' : 'gb18030';
}

const unreadable = () => new DomainError('VALIDATION_FAILED', '无法识别文件编码，请保存为 UTF-8 或 GBK 编码的 CSV 文件');

/** Counts line breaks as the parser counts them: CRLF, LF and CR each end one line. */
function lineBreaks(fields: string[]): number {
  let n = 0;
  for (const field of fields) {
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      if (c === 10) n++;
      else if (c === 13) {
        n++;
        if (field.charCodeAt(i + 1) === 10) i++;
      }
    }
  }
  return n;
}

function csvRefusal(error: CsvError): DomainError {
  const line = (error as CsvError & { lines?: number }).lines ?? 0;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new DomainError('VALIDATION_FAILED', `第 ${line} 行：引号没有闭合，文件无法读取`);
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new DomainError('VALIDATION_FAILED', `第 ${line} 行：引号后还有多余的字符，文件无法读取`);
    default:
      return new DomainError('VALIDATION_FAILED', `第 ${line} 行：CSV 格式有误，文件无法读取`);
  }
}

/**
 * RFC 4180 records of a statement file, streamed: the bytes are decoded (iconv-lite) and parsed
 * (csv-parse) a slice at a time, and each record is handed on as soon as it is complete, so memory holds
 * the file's bytes and one slice of text, never every record. Fields may be quoted and hold commas,
 * doubled quotes and line breaks; CRLF, LF and CR all end a record, even mixed in one file; blank lines
 * are skipped (spreadsheets leave them at the end); a quote inside an unquoted field is kept as it is, as
 * spreadsheets read it; a quote never closed makes the file unreadable and names the line.
 */
export async function* readStatementRecords(bytes: Uint8Array, encoding: StatementEncoding): AsyncGenerator<CsvRecord> {
  let undecodable = false;
  function* text(): Generator<string> {
    // The decoders drop a leading BOM themselves.
    const decoder = iconv.getDecoder(encoding);
    for (let offset = 0; offset < bytes.byteLength; offset += SLICE_BYTES) {
      const chunk = decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset + offset, Math.min(SLICE_BYTES, bytes.byteLength - offset)));
      // GB18030 decodes bytes it cannot read to U+FFFD (and a GBK file never holds that character).
      if (encoding === 'gb18030' && chunk.includes('\uFFFD')) undecodable = true;
      if (chunk) yield chunk;
    }
    const rest = decoder.end();
    if (encoding === 'gb18030' && rest?.includes('\uFFFD')) undecodable = true;
    if (rest) yield rest;
  }
  const parser = Readable.from(text(), { objectMode: false }).pipe(
    parse({
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (undecodable) throw unreadable();
      yield { line: info.lines - lineBreaks(record), fields: record };
    }
  } catch (error) {
    if (error instanceof CsvError) throw csvRefusal(error);
    throw error;
  } finally {
    parser.destroy();
  }
  if (undecodable) throw unreadable();
}
