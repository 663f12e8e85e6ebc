import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { assertCanWrite, requireWriter } from '@/lib/auth/authorize';
import { DomainError, notFound } from '@/lib/errors/domain-error';
import { fromDatabaseError } from '@/lib/errors/from-database-error';
import { now } from '@/lib/time/clock';
import { refusalOf } from '@/lib/lifecycle/lifecycle';
import { transition } from '@/lib/lifecycle/transition';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { isStalled, mayRetry, statementImportLifecycle } from './statement-import-lifecycle';
import { statementImportResource } from './statement-import-resource';
import { launchStatementImport } from './launch-statement-import';

/**
 * 继续导入: a failed import runs again from its last committed batch (after the cause is fixed, or when
 * it was a passing fault), and so does one a dead process left running once its lease has run out (the
 * scheduled jobs would resume it too, unless DISABLE_SCHEDULED_JOBS is set). Nothing is recorded twice: the lines already done are skipped, and a transfer
 * recorded by any other way since is found by its bank transaction id.
 */
export async function retryStatementImport(
  db: Kysely<Database>,
  actor: Actor,
  importId: string,
  options: { launch?: boolean } = {},
): Promise<{ id: string }> {
  requireWriter(actor);
  const id = String(parseInput(statementImportResource.idSchema, importId));
  await writeTransaction(db, async (trx) => {
    // Never the stored file: it may be megabytes, and the runner reads it.
    const job = await trx.selectFrom('statement_imports').select(['id', 'region_id', 'status', 'lease_until']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!job) throw notFound('导入记录');
    assertCanWrite(actor, job.region_id);
    if (!mayRetry({ status: job.status, stalled: isStalled(job, now()) })) throw refusalOf(statementImportLifecycle, 'retry', job.status);
    await transition(trx, 'statement_imports', statementImportLifecycle, {
      id,
      action: 'retry',
      set: { error_code: null, error_message: null, lease_owner: null, lease_until: null, updated_at: now() },
    }).catch((error: unknown) => {
      // statement_imports_running_file_idx: the same file is being imported by a newer job.
      if (fromDatabaseError(error)?.code === 'CONFLICT') throw new DomainError('CONFLICT', '同一文件的另一次导入正在进行，请等待其完成');
      throw error;
    });
  });
  if (options.launch !== false) launchStatementImport(db, id);
  return { id };
}
