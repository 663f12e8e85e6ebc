import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, TransferStatus } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { DomainError } from '@/lib/errors/domain-error';
import { withDatabaseErrors } from '@/lib/errors/with-database-errors';
import { remarkCandidates } from '@/lib/payments/find-remark-code';
import { recordTransfer } from '@/lib/payments/record-transfer';
import { now } from '@/lib/time/clock';
import { parseInput } from '@/lib/validation/parse-input';
import { parseStatement } from './parse-statement';
import { statementUploadSchema, type StatementUpload } from './statement-upload';

export interface StatementImportResult {
  bankCode: string;
  fileName: string | null;
  sha256: string;
  lines: number;
  /** Lines recorded now. */
  imported: number;
  /** Lines this bank had already reported (by notification or an earlier statement): nothing was done. */
  alreadyImported: number;
  /** What reconciliation made of the lines recorded now. */
  byStatus: Record<TransferStatus, number>;
}

/** Lines named in a refusal; the preview lists them all. */
const NAMED_LINES = 10;

/**
 * Records a bank statement's transfers as if the bank had notified each one, all in one transaction:
 * the file is read again here (the preview the operator saw is never trusted), a file with any bad line
 * records nothing, and a transaction this bank already reported is not recorded twice — so the same
 * statement imported twice adds nothing. Each new transfer is reconciled as a notification would be; the
 * import is one link in the audit chain with its counts.
 */
export async function importStatement(db: Kysely<Database>, actor: Actor, upload: StatementUpload): Promise<StatementImportResult> {
  requireWriter(actor);
  const { bankCode, fileName } = parseInput(statementUploadSchema, { bankCode: upload.bankCode, fileName: upload.fileName });
  const parsed = parseStatement(upload.csv, now());
  const bad = parsed.lines.filter((l) => !l.transfer);
  if (bad.length) {
    const named = bad.slice(0, NAMED_LINES).map((l) => l.line).join('、');
    const more = bad.length > NAMED_LINES ? ` 等 ${bad.length} 行` : '';
    throw new DomainError('VALIDATION_FAILED', `第 ${named}${more} 行有错误，整个文件未导入。请修正后重新上传`);
  }
  // The region whose operators handle what nobody matches; a platform administrator's lines belong to none.
  const regionId = actor.role === 'operator' ? actor.regionId : null;
  const sha256 = createHash('sha256').update(upload.csv).digest('hex');

  return withDatabaseErrors(() =>
    db.transaction().execute(async (trx) => {
      if (regionId !== null) await refuseOtherRegionsOrders(trx, regionId, parsed.lines);
      const byStatus: Record<TransferStatus, number> = { matched: 0, unmatched: 0, duplicate: 0, returned: 0, review: 0 };
      const recorded: string[] = [];
      let alreadyImported = 0;
      for (const line of parsed.lines) {
        const result = await recordTransfer(trx, bankCode, 'statement', line.transfer!, { regionId });
        if (result.replayed) {
          alreadyImported++;
        } else {
          byStatus[result.status]++;
          recorded.push(line.transfer!.transactionId);
        }
      }
      const result: StatementImportResult = {
        bankCode, fileName: fileName ?? null, sha256, lines: parsed.lines.length, imported: recorded.length, alreadyImported, byStatus,
      };
      await appendAuditEvent(trx, actor, {
        action: 'bank_statement.import',
        entityType: 'bank_statement',
        // The file's digest: the same file imported again is recognisable in the chain.
        entityId: sha256,
        regionId,
        after: { ...result, encoding: parsed.encoding, recordedTransactionIds: recorded },
      });
      return result;
    }),
  );
}

/**
 * An operator's statement is its own region's receiving account: a line whose remark names another
 * region's order would let one region insure (or cancel) another's order, so the file is refused and the
 * operator told which lines to take out and hand to that region.
 */
async function refuseOtherRegionsOrders(
  trx: Transaction<Database>,
  regionId: string,
  lines: ReturnType<typeof parseStatement>['lines'],
): Promise<void> {
  const foreign: number[] = [];
  for (const line of lines) {
    const candidates = remarkCandidates(line.transfer!.remark);
    if (!candidates.length) continue;
    const other = await trx
      .selectFrom('orders')
      .innerJoin('sections', 'sections.id', 'orders.section_id')
      .innerJoin('projects', 'projects.id', 'sections.project_id')
      .select('orders.id')
      .where('orders.remark_code', 'in', candidates)
      .where('projects.region_id', '<>', regionId)
      .executeTakeFirst();
    if (other) foreign.push(line.line);
  }
  if (foreign.length) {
    const named = foreign.slice(0, NAMED_LINES).join('、');
    const more = foreign.length > NAMED_LINES ? ` 等 ${foreign.length} 行` : '';
    throw new DomainError('OTHER_REGION', `第 ${named}${more} 行的附言对应其他区域的订单，整个文件未导入。请删除这些行后重新上传，并交由该区域处理`);
  }
}
