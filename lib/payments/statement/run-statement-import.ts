import { randomUUID } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, StatementImportsTable } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { transition } from '@/lib/lifecycle/transition';
import { now } from '@/lib/time/clock';
import { readStatement, type StatementLine } from './parse-statement';
import { recordStatementBatch, STATEMENT_IMPORT_LEASE_MS, StatementLeaseLost, StatementLineFailed } from './record-statement-batch';
import { statementImportLifecycle } from './statement-import-lifecycle';

/**
 * Lines per transaction. Large enough that a batch's fixed costs (locking the job row, one insert of the
 * line results, one update of the counts) vanish, small enough that a transaction holds its locks, and
 * on PGlite the one connection, for well under a second when nothing in it insures an order.
 */
export const STATEMENT_BATCH_LINES = 500;

export interface RunStatementImportOptions {
  batchLines?: number;
  /** For tests: runs inside each batch's transaction just before it commits (throw to fail the batch). */
  beforeCommit?: (batchIndex: number, trx: Transaction<Database>) => Promise<void> | void;
}

type ImportRow = Selectable<StatementImportsTable>;

/**
 * Records a statement import job from where it stands to its end, in batches. The runner first takes the
 * job's lease (so two instances, or the scheduler and the request that started it, never record it at
 * once), skips the lines earlier runs recorded (the job row's `processed_lines`, committed with them),
 * and records the rest. At the end the job is done, its stored file is dropped and the import is one link
 * in the audit chain with its counts. A failure marks the job failed with a message naming the line; what
 * earlier batches recorded stays recorded, and a retry continues after it. Returns the job as it ends, or
 * null when the job is not this runner's to run (finished, failed, or leased by another runner).
 */
export async function runStatementImport(db: Kysely<Database>, importId: string, options: RunStatementImportOptions = {}): Promise<ImportRow | null> {
  const owner = randomUUID();
  const at = now();
  const job = await db
    .updateTable('statement_imports')
    .set({
      lease_owner: owner,
      lease_until: new Date(at.getTime() + STATEMENT_IMPORT_LEASE_MS),
      attempts: sql<number>`attempts + 1`,
      updated_at: at,
    })
    .where('id', '=', importId)
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
    .returningAll()
    .executeTakeFirst();
  if (!job) return null;

  try {
    await recordRemainingLines(db, job, owner, options);
    return await finish(db, job.id, owner);
  } catch (error) {
    if (error instanceof StatementLeaseLost) return null;
    await markFailed(db, job.id, owner, error).catch((secondary: unknown) => {
      // The database may be what failed; the lease then runs out and the scheduled jobs resume the import.
      console.error(`statement import ${job.id}: could not record the failure`, secondary);
    });
    throw error;
  }
}

async function recordRemainingLines(db: Kysely<Database>, job: ImportRow, owner: string, options: RunStatementImportOptions) {
  if (!job.file) throw new DomainError('CONFLICT', '导入文件已不在，无法继续');
  const size = options.batchLines ?? STATEMENT_BATCH_LINES;
  let position = 0;
  let recorded = job.processed_lines;
  let batchIndex = 0;
  let batch: StatementLine[] = [];
  const flush = async () => {
    const index = batchIndex++;
    await recordStatementBatch(
      db,
      { importId: job.id, owner, bankCode: job.bank_code, regionId: job.region_id, start: recorded, lines: batch },
      options.beforeCommit && ((trx) => options.beforeCommit!(index, trx)),
    );
    recorded += batch.length;
    batch = [];
    // PGlite runs in this thread and its queries resolve as microtasks: without a turn of the event loop
    // between batches, no request (the progress poll, anyone's page) would be answered until the end.
    await setImmediate();
  };
  // The file was checked whole when the import started; it is read again here one line at a time.
  for await (const line of readStatement(job.file, now()).lines) {
    if (position++ < job.processed_lines) continue;
    if (!line.transfer) throw new DomainError('VALIDATION_FAILED', `第 ${line.line} 行有错误：${line.errors.join('；')}`);
    batch.push(line);
    if (batch.length >= size) await flush();
  }
  if (batch.length) await flush();
}

/** The actor the import ran for, as the audit chain names it, even if the account was deactivated since. */
async function importingActor(trx: Transaction<Database>, userId: string): Promise<Actor> {
  const user = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  return {
    userId: user.id, role: user.role, name: user.display_name, phone: user.phone, regionId: user.region_id,
    enterpriseId: user.enterprise_id, canEditRules: user.can_edit_rules, canEditRuleValues: user.can_edit_rule_values,
  };
}

/** What the audit chain keeps of an import: the file's identity and the counts (each line is in statement_import_lines). */
function auditContent(job: ImportRow) {
  return {
    importId: job.id,
    status: job.status,
    bankCode: job.bank_code,
    fileName: job.file_name,
    sha256: job.sha256,
    encoding: job.encoding,
    lines: job.total_lines,
    processedLines: job.processed_lines,
    imported: job.imported,
    alreadyImported: job.already_imported,
    byStatus: { matched: job.matched, unmatched: job.unmatched, duplicate: job.duplicate, returned: 0, review: job.review },
    byOutcome: { issued: job.issued, refunded: job.refunded, review: job.review, duplicate: job.duplicate, unmatched: job.unmatched, alreadyImported: job.already_imported },
    ...(job.error_message ? { error: job.error_message } : {}),
  };
}

/** The job's row locked, if this runner still holds its lease: only then may it end the job. */
async function lockOwnJob(trx: Transaction<Database>, importId: string, owner: string) {
  const lease = await trx
    .selectFrom('statement_imports')
    .select(['lease_owner', 'processed_lines', 'total_lines'])
    .where('id', '=', importId)
    .forUpdate()
    .executeTakeFirst();
  return lease?.lease_owner === owner ? lease : undefined;
}

/** A transition of the job, without the kernel's `from_status`: the row as the table holds it. */
async function transitionJob(trx: Transaction<Database>, importId: string, action: 'finish' | 'fail', set: Record<string, unknown>): Promise<ImportRow> {
  const { from_status: _from, ...job } = await transition(trx, 'statement_imports', statementImportLifecycle, { id: importId, action, set });
  return job;
}

async function finish(db: Kysely<Database>, importId: string, owner: string): Promise<ImportRow> {
  return db.transaction().execute(async (trx) => {
    const at = now();
    const lease = await lockOwnJob(trx, importId, owner);
    if (!lease || lease.processed_lines !== lease.total_lines) throw new StatementLeaseLost(`statement import ${importId} is no longer this runner's`);
    // The file is dropped once every line is recorded: its transfers and each line's outcome are kept,
    // and its digest identifies it; a done import is never run again.
    const job = await transitionJob(trx, importId, 'finish', { file: null, lease_owner: null, lease_until: null, finished_at: at, updated_at: at }).catch(
      (error: unknown) => {
        if (error instanceof TransitionRefused) throw new StatementLeaseLost(`statement import ${importId} is no longer running`);
        throw error;
      },
    );
    await appendAuditEvent(trx, await importingActor(trx, job.created_by), {
      action: 'bank_statement.import',
      entityType: 'bank_statement',
      // The file's digest: the same file imported again is recognisable in the chain.
      entityId: job.sha256,
      regionId: job.region_id,
      after: auditContent(job),
    });
    return job;
  });
}

function errorCode(error: unknown): string {
  const cause = error instanceof StatementLineFailed ? error.cause : error;
  return cause instanceof DomainError ? cause.code : 'INTERNAL';
}

function errorMessage(error: unknown): string {
  if (error instanceof StatementLineFailed || error instanceof DomainError) return error.message;
  return '导入中断（系统错误），已记录的批次保持不变，可继续导入';
}

/** The job stops as failed, keeping its file and what earlier batches recorded; an operator may continue it. */
async function markFailed(db: Kysely<Database>, importId: string, owner: string, error: unknown): Promise<void> {
  if (!(error instanceof StatementLineFailed) && !(error instanceof DomainError)) {
    console.error(`statement import ${importId} failed`, error);
  }
  await db.transaction().execute(async (trx) => {
    const at = now();
    // Only the runner holding the lease ends the job (its lease is held only while the job runs).
    if (!(await lockOwnJob(trx, importId, owner))) return;
    const job = await transitionJob(trx, importId, 'fail', {
      error_code: errorCode(error),
      error_message: errorMessage(error),
      lease_owner: null,
      lease_until: null,
      updated_at: at,
    });
    // Earlier batches' transfers are recorded: the chain says so now, not only once the import completes.
    await appendAuditEvent(trx, await importingActor(trx, job.created_by), {
      action: 'bank_statement.import_failed',
      entityType: 'bank_statement',
      entityId: job.sha256,
      regionId: job.region_id,
      after: auditContent(job),
    });
  });
}
