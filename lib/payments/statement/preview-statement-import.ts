import type { Kysely } from 'kysely';
import type { Database, OrderStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { now } from '@/lib/time/clock';
import { parseInput } from '@/lib/validation/parse-input';
import type { StatementEncoding } from './decode-statement-file';
import { findStatementMatches } from './find-statement-matches';
import { parseStatement } from './parse-statement';
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
  lines: StatementPreviewLine[];
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

/**
 * What importing a statement would do, changing nothing: every line with its errors, whether the bank's
 * transaction was recorded already, and which order its remark names. The import reads the file again
 * itself; this answer is only for the operator's eyes.
 */
export async function previewStatementImport(db: Kysely<Database>, actor: Actor, upload: StatementUpload): Promise<StatementPreview> {
  requireWriter(actor);
  const { bankCode } = parseInput(statementUploadSchema, { bankCode: upload.bankCode, fileName: upload.fileName });
  const parsed = parseStatement(upload.csv, now());
  const matches = await findStatementMatches(db, bankCode, parsed.lines);
  const ownRegion = actor.role === 'operator' ? actor.regionId : null;

  const lines = parsed.lines.map((l): StatementPreviewLine => {
    const match = matches.get(l.line);
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
  });
  const fresh = lines.filter((l) => l.state === 'new');
  return {
    bankCode,
    encoding: parsed.encoding,
    lines,
    totals: {
      lines: lines.length,
      new: fresh.length,
      alreadyImported: lines.filter((l) => l.state === 'already_imported').length,
      errors: lines.filter((l) => l.state === 'error').length,
      matched: fresh.filter((l) => l.matchedOrder).length,
      unmatched: fresh.filter((l) => !l.matchedOrder).length,
      newAmountFen: fresh.reduce((sum, l) => sum + l.amountFen!, 0),
    },
  };
}
