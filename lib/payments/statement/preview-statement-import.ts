import type { Kysely } from 'kysely';
import type { Database, OrderStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { now } from '@/lib/time/clock';
import { parseInput } from '@/lib/validation/parse-input';
import { findStatementMatches, type StatementLineMatch } from './find-statement-matches';
import { readStatement, type StatementLine } from './parse-statement';
import type { StatementEncoding } from './statement-records';
import type { StatementColumn } from './statement-format';
import { statementUploadSchema, type StatementUpload } from './statement-upload';

export type StatementLineState = 'new' | 'already_imported' | 'error';

export interface StatementPreviewLine {
  line: number;
  state: StatementLineState;
  cells: Record<StatementColumn, string>;
  amountFen: number | null;
  /** ISO instant; null when the line has errors. */
  bankTime: string | null;
  payerKind: 'enterprise' | 'personal' | null;
  errors: string[];
  alreadyImported: boolean;
  /** How the earlier record arrived: 'webhook' (the bank's notification) or 'statement'. */
  importedVia: 'webhook' | 'statement' | null;
  /**
   * The order the remark names. An order of another region is only flagged: an operator does not
   * learn other regions' order numbers.
   */
  matchedOrder: { orderNumber: string; status: OrderStatus } | { otherRegion: true } | null;
}

export interface StatementPreview {
  bankCode: string;
  encoding: StatementEncoding;
  /**
   * At most PREVIEW_LINES lines: every line of a smaller file; of a larger one the lines with errors
   * first, then the others from the top. The totals are always over the whole file.
   */
  lines: StatementPreviewLine[];
  truncated: boolean;
  totals: {
    lines: number;
    new: number;
    alreadyImported: number;
    errors: number;
    /** Of the new lines: whose remark names an order, and whose does not. */
    matched: number;
    unmatched: number;
    newAmountFen: number;
  };
}

/** Lines a preview shows: a screenful of pages; a larger file is counted, not listed. */
export const PREVIEW_LINES = 1000;
/** Lines looked up together: two queries per chunk, each well under PostgreSQL's parameter limit. */
const LOOKUP_CHUNK = 1000;

/**
 * What importing a statement would do, changing nothing: every line with its errors, whether the bank's
 * transaction was recorded already, and which order its remark names. The file is streamed and looked
 * up a chunk of lines at a time, so a 100,000-line file costs the memory of one chunk and of the lines
 * shown. The import reads the file again itself; this answer is only for the operator's eyes.
 */
export async function previewStatementImport(db: Kysely<Database>, actor: Actor, upload: StatementUpload): Promise<StatementPreview> {
  requireWriter(actor);
  const { bankCode } = parseInput(statementUploadSchema, { bankCode: upload.bankCode, fileName: upload.fileName });
  const { encoding, lines } = readStatement(upload.csv, now());
  const ownRegion = actor.role === 'operator' ? actor.regionId : null;
  const totals = { lines: 0, new: 0, alreadyImported: 0, errors: 0, matched: 0, unmatched: 0 };
  let newAmountFen = 0n;
  const errorLines: StatementPreviewLine[] = [];
  const otherLines: StatementPreviewLine[] = [];

  const describe = (l: StatementLine, match: StatementLineMatch | undefined): StatementPreviewLine => {
    const order = match?.order;
    return {
      line: l.line,
      state: !l.transfer ? 'error' : match?.existing ? 'already_imported' : 'new',
      cells: l.cells,
      amountFen: l.transfer?.amountFen ?? null,
      bankTime: l.transfer?.bankTime.toISOString() ?? null,
      payerKind: l.transfer?.payerKind ?? null,
      errors: l.errors,
      alreadyImported: Boolean(match?.existing),
      importedVia: match?.existing?.source ?? null,
      matchedOrder: !order
        ? null
        : ownRegion !== null && order.regionId !== ownRegion
          ? { otherRegion: true }
          : { orderNumber: order.orderNumber, status: order.status },
    };
  };

  let chunk: StatementLine[] = [];
  const lookUp = async () => {
    const matches = await findStatementMatches(db, bankCode, chunk);
    for (const l of chunk) {
      const line = describe(l, matches.get(l.line));
      totals.lines++;
      if (line.state === 'error') {
        totals.errors++;
        if (errorLines.length < PREVIEW_LINES) errorLines.push(line);
        continue;
      }
      if (line.state === 'already_imported') totals.alreadyImported++;
      else {
        totals.new++;
        if (line.matchedOrder) totals.matched++;
        else totals.unmatched++;
        newAmountFen += BigInt(line.amountFen!);
      }
      if (otherLines.length < PREVIEW_LINES) otherLines.push(line);
    }
    chunk = [];
  };
  for await (const line of lines) {
    chunk.push(line);
    if (chunk.length >= LOOKUP_CHUNK) await lookUp();
  }
  if (chunk.length) await lookUp();

  const shown = [...errorLines, ...otherLines.slice(0, Math.max(0, PREVIEW_LINES - errorLines.length))].sort((a, b) => a.line - b.line);
  return {
    bankCode,
    encoding,
    lines: shown,
    truncated: shown.length < totals.lines,
    totals: { ...totals, newAmountFen: Number(newAmountFen) },
  };
}
