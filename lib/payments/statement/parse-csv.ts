import { DomainError } from '@/lib/errors/domain-error';

/** One record of a CSV file and the line of the file it starts on (1-based), for error messages. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180 records from text: comma-separated fields, CRLF or LF between records, double-quoted fields
 * that may hold commas, quotes (`""`) and line breaks. Blank lines are skipped (spreadsheets leave them at
 * the end). A quote inside an unquoted field is kept as it is, as spreadsheets read it; text after a
 * closing quote, or a quote never closed, makes the file unreadable and names the line.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  // `""` alone is a field, so a line holding only it is not blank.
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === '' && !quoted;
    endField();
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    quoted = false;
  };

  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '' && !quoted) {
      const openedOn = line;
      quoted = true;
      i++;
      for (;;) {
        if (i >= text.length) throw new DomainError('VALIDATION_FAILED', `第 ${openedOn} 行：引号没有闭合，文件无法读取`);
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          field += '"';
          i += 2;
          continue;
        }
        if (text[i] === '\n') line++;
        field += text[i];
        i++;
      }
      i++;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new DomainError('VALIDATION_FAILED', `第 ${line} 行：引号后还有多余的字符，文件无法读取`);
      }
    } else if (c === ',') {
      endField();
      quoted = false;
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || fields.length || quoted) endRecord();
  return records;
}
