import { DomainError } from '@/lib/errors/domain-error';
import { MALFORMED_TEXT_MESSAGES, malformedTextProblem } from '@/lib/validation/well-formed-text';
import { transferNotificationSchema, type TransferNotification } from '@/lib/payments/transfer-notification';
import { detectStatementEncoding, readStatementRecords, type StatementEncoding } from './statement-records';
import {
  MAX_STATEMENT_BYTES, MAX_STATEMENT_ROWS, STATEMENT_COLUMNS, STATEMENT_PAYER_KINDS, type StatementColumn,
} from './statement-format';

/** One transaction line of a statement: what the file says, and the transfer it reports if it is valid. */
export interface StatementLine {
  /** The line of the file the record starts on (the header is line 1). */
  line: number;
  /** The cells as written (trimmed), for showing the line back to the operator. */
  cells: Record<StatementColumn, string>;
  /** Null when the line has errors. */
  transfer: TransferNotification | null;
  /** Chinese, each naming its column. */
  errors: string[];
}

export interface ParsedStatement {
  encoding: StatementEncoding;
  lines: StatementLine[];
}

const COLUMN_KEYS = Object.keys(STATEMENT_COLUMNS) as StatementColumn[];

// Bank clocks and ours differ a little; a time further ahead is a typing error (a wrong year).
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

/** `金额（元）`, `金额(元)` and ` 金额 ( 元 ) ` name the same column. */
function normalizeHeader(name: string): string {
  return name.replace(/\s+/g, '').replaceAll('（', '(').replaceAll('）', ')');
}

/** A spreadsheet keeps long numbers as text by writing `="6222…"`; the value is what is inside. */
function normalizeCell(cell: string): string {
  const trimmed = cell.trim();
  const excelText = /^="(.*)"$/s.exec(trimmed);
  return (excelText ? excelText[1]! : trimmed).trim();
}

/**
 * Yuan text to fen, exactly: digits are split at the decimal point instead of going through a float
 * (0.1 + 0.2 is not 0.3, and a premium must match to the fen).
 */
export function parseYuanToFen(text: string): { fen: number } | { error: string } {
  if (text === '') return { error: '请填写金额' };
  let t = text.replace(/^[¥￥]/, '');
  if (/^-/.test(t)) return { error: '必须大于 0（收款流水不应有负数金额）' };
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replaceAll(',', '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return { error: '格式不正确，应为以元为单位的数字，如 1200.50' };
  const [, whole, fraction = ''] = m;
  if (fraction.length > 2 && /[1-9]/.test(fraction.slice(2))) return { error: '最多保留两位小数（精确到分）' };
  // Ten digits of yuan: one line's fen is an exact JavaScript number (the preview sums a file's lines as a
  // bigint, since 100,000 such lines could pass 2^53).
  if (whole!.replace(/^0+/, '').length > 10) return { error: '数额过大' };
  const fen = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (fen <= 0) return { error: '必须大于 0' };
  return { fen };
}

/**
 * `YYYY-MM-DD HH:mm:ss` in Beijing time to the instant. A file saved again by Excel writes
 * `YYYY/M/D H:mm` instead: that is accepted too (seconds then 0).
 */
export function parseBeijingTime(text: string): { at: Date } | { error: string } {
  if (text === '') return { error: '请填写交易时间' };
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  const wrong = { error: '格式应为 YYYY-MM-DD HH:mm:ss（北京时间），如 2026-11-24 10:05:33' };
  if (!m) return wrong;
  const [y, mo, d, h, mi, s = 0] = m.slice(1).map((part) => (part === undefined ? 0 : Number(part))) as number[];
  const wall = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s));
  const real =
    wall.getUTCFullYear() === y && wall.getUTCMonth() === mo! - 1 && wall.getUTCDate() === d &&
    wall.getUTCHours() === h && wall.getUTCMinutes() === mi && wall.getUTCSeconds() === s;
  if (!real) return { error: `${text} 不是有效的日期时间` };
  return { at: new Date(wall.getTime() - 8 * 60 * 60 * 1000) };
}

// Validated as the bank webhook validates them: the same limits whichever way a transfer arrives.
const textFieldsSchema = transferNotificationSchema.pick({ transactionId: true, payerName: true, payerAccount: true, remark: true });

function parseLine(line: number, cells: Record<StatementColumn, string>, at: Date): StatementLine {
  const errors: string[] = [];
  const fail = (column: StatementColumn, message: string) => errors.push(`${STATEMENT_COLUMNS[column]}：${message}`);
  // A decoded file holds no lone surrogate, but may hold U+0000, which the database cannot store.
  for (const column of COLUMN_KEYS) {
    const problem = malformedTextProblem(cells[column]);
    if (problem) fail(column, MALFORMED_TEXT_MESSAGES[problem]);
  }

  const text = textFieldsSchema.safeParse({
    transactionId: cells.transactionId,
    payerName: cells.payerName,
    payerAccount: cells.payerAccount,
    remark: cells.remark,
  });
  if (!text.success) {
    for (const issue of text.error.issues) {
      const column = issue.path[0] as StatementColumn;
      const message = column === 'payerAccount' && /^\d(\.\d+)?e\+\d+$/i.test(cells.payerAccount)
        ? '账号被表格软件转成了科学计数法，请把该列设为“文本”后重新导出'
        : issue.message;
      fail(column, message);
    }
  }
  const time = parseBeijingTime(cells.bankTime);
  if ('error' in time) fail('bankTime', time.error);
  else if (time.at.getTime() > at.getTime() + FUTURE_TOLERANCE_MS) fail('bankTime', '晚于当前时间，请检查年份和日期');
  const amount = parseYuanToFen(cells.amount);
  if ('error' in amount) fail('amount', amount.error);
  const payerKind = Object.hasOwn(STATEMENT_PAYER_KINDS, cells.payerKind) ? STATEMENT_PAYER_KINDS[cells.payerKind] : undefined;
  if (!payerKind) fail('payerKind', cells.payerKind === '' ? '不能为空，请填写“企业”或“个人”' : `只能是“企业”或“个人”，不能是“${cells.payerKind}”`);

  if (errors.length || !text.success || 'error' in time || 'error' in amount || !payerKind) {
    return { line, cells, transfer: null, errors };
  }
  return {
    line,
    cells,
    transfer: { ...text.data, amountFen: amount.fen, payerKind, bankTime: time.at },
    errors,
  };
}

/** What a statement file is, once its header has been read: its encoding and its transaction lines, streamed. */
export interface StatementReader {
  encoding: StatementEncoding;
  /**
   * Each transaction line in file order, checked as it is read. What makes the whole file unreadable
   * (quoting, header, too many lines, bytes no encoding reads) is thrown from the iteration, so a caller
   * that must refuse such a file reads it to the end before acting on any line.
   */
  lines: AsyncGenerator<StatementLine>;
}

/**
 * A statement file read line by line without holding more than the line at hand (and the transaction
 * ids seen so far, to find a line repeated further down). A line's own problems stay with the line, so
 * the operator sees every error of the file at once.
 */
export function readStatement(bytes: Uint8Array, at: Date): StatementReader {
  if (bytes.byteLength === 0) throw new DomainError('VALIDATION_FAILED', '文件是空的');
  if (bytes.byteLength > MAX_STATEMENT_BYTES) {
    throw new DomainError('VALIDATION_FAILED', `文件超过 ${MAX_STATEMENT_BYTES / 1024 / 1024} MB，请按日期分成几个文件分别导入`);
  }
  const encoding = detectStatementEncoding(bytes);
  return { encoding, lines: statementLines(bytes, encoding, at) };
}

async function* statementLines(bytes: Uint8Array, encoding: StatementEncoding, at: Date): AsyncGenerator<StatementLine> {
  const records = readStatementRecords(bytes, encoding);
  const first = await records.next();
  if (first.done) throw new DomainError('VALIDATION_FAILED', '文件是空的');
  const header = first.value;

  const names = header.fields.map(normalizeHeader);
  const positions = {} as Record<StatementColumn, number>;
  const missing: string[] = [];
  for (const key of COLUMN_KEYS) {
    const wanted = normalizeHeader(STATEMENT_COLUMNS[key]);
    const found = names.filter((n) => n === wanted).length;
    if (found > 1) throw new DomainError('VALIDATION_FAILED', `表头中“${STATEMENT_COLUMNS[key]}”出现了 ${found} 次`);
    if (found === 0) missing.push(STATEMENT_COLUMNS[key]);
    positions[key] = names.indexOf(wanted);
  }
  if (missing.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `第 ${header.line} 行表头缺少列：${missing.join('、')}。表头应为：${Object.values(STATEMENT_COLUMNS).join(',')}`,
    );
  }

  const seen = new Map<string, number>();
  let count = 0;
  for await (const record of records) {
    count++;
    // Past the cap the rest is only counted, so the refusal can say how long the file is.
    if (count > MAX_STATEMENT_ROWS) continue;
    const cells = Object.fromEntries(
      COLUMN_KEYS.map((key) => [key, normalizeCell(record.fields[positions[key]] ?? '')]),
    ) as Record<StatementColumn, string>;
    if (record.fields.length !== header.fields.length) {
      yield {
        line: record.line,
        cells,
        transfer: null,
        errors: [`该行有 ${record.fields.length} 列，表头有 ${header.fields.length} 列（内容含逗号时须用英文双引号括起来，如 "1,200.00"）`],
      };
      continue;
    }
    const parsed = parseLine(record.line, cells, at);
    const earlier = cells.transactionId ? seen.get(cells.transactionId) : undefined;
    if (earlier !== undefined) {
      parsed.errors.push(`${STATEMENT_COLUMNS.transactionId}：与第 ${earlier} 行重复`);
      parsed.transfer = null;
    } else if (cells.transactionId) {
      seen.set(cells.transactionId, record.line);
    }
    yield parsed;
  }
  if (count === 0) throw new DomainError('VALIDATION_FAILED', '文件中没有交易记录');
  if (count > MAX_STATEMENT_ROWS) {
    throw new DomainError('VALIDATION_FAILED', `文件有 ${count} 笔交易，一次最多导入 ${MAX_STATEMENT_ROWS} 笔，请分成几个文件`);
  }
}

/** Every line of a statement at once: for small files and tests; imports and previews stream instead. */
export async function parseStatement(bytes: Uint8Array, at: Date): Promise<ParsedStatement> {
  const { encoding, lines } = readStatement(bytes, at);
  const all: StatementLine[] = [];
  for await (const line of lines) all.push(line);
  return { encoding, lines: all };
}
