import type { Kysely } from 'kysely';
import type { Database, StatementImportStatus, TransferStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { runStatementImport, type RunStatementImportOptions } from './run-statement-import';
import { startStatementImport } from './start-statement-import';
import type { StatementUpload } from './statement-upload';

export interface StatementImportResult {
  id: string;
  status: StatementImportStatus;
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
  /** Of the matched lines: the order insured, or not (and the premium refunded). */
  issued: number;
  refunded: number;
}

/**
 * Imports a statement from start to end in the caller's process and returns what happened: for tests,
 * benchmarks and scripts. The back office starts the same job in the background instead
 * (startStatementImport) and follows its progress.
 */
export async function importStatement(
  db: Kysely<Database>,
  actor: Actor,
  upload: StatementUpload,
  options: RunStatementImportOptions = {},
): Promise<StatementImportResult> {
  const started = await startStatementImport(db, actor, upload, { launch: false });
  await runStatementImport(db, started.id, options);
  return statementImportResult(db, started.id);
}

export async function statementImportResult(db: Kysely<Database>, importId: string): Promise<StatementImportResult> {
  const job = await db.selectFrom('statement_imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow();
  return {
    id: job.id,
    status: job.status,
    bankCode: job.bank_code,
    fileName: job.file_name,
    sha256: job.sha256,
    lines: job.total_lines,
    imported: job.imported,
    alreadyImported: job.already_imported,
    byStatus: { matched: job.matched, unmatched: job.unmatched, duplicate: job.duplicate, returned: 0, review: job.review },
    issued: job.issued,
    refunded: job.refunded,
  };
}
