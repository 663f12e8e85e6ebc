import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { DomainError } from '@/lib/errors/domain-error';
import { fromDatabaseError } from '@/lib/errors/from-database-error';
import { now } from '@/lib/time/clock';
import { parseInput } from '@/lib/validation/parse-input';
import { checkStatementFile } from './check-statement-file';
import { launchStatementImport } from './launch-statement-import';
import { statementUploadSchema, type StatementUpload } from './statement-upload';

export interface StartedStatementImport {
  id: string;
  totalLines: number;
}

/**
 * Starts importing a statement: the whole file is checked first (a file with any bad line, or an
 * operator's naming another region's order, records nothing and is refused here, at once), then stored
 * with a job row, and recorded in the background (`launch`, the default) or by the caller (`launch:
 * false`, for tests and scripts that run it themselves). The file is kept in the database, not on this
 * instance's disk, so any instance can resume the job after a crash.
 */
export async function startStatementImport(
  db: Kysely<Database>,
  actor: Actor,
  upload: StatementUpload,
  options: { launch?: boolean } = {},
): Promise<StartedStatementImport> {
  requireWriter(actor);
  const { bankCode, fileName } = parseInput(statementUploadSchema, { bankCode: upload.bankCode, fileName: upload.fileName });
  // The region whose operators handle what nobody matches; a platform administrator's lines belong to none.
  const regionId = actor.role === 'operator' ? actor.regionId : null;
  const checked = await checkStatementFile(db, upload.csv, now(), regionId);
  const at = now();
  const job = await db
    .insertInto('statement_imports')
    .values({
      bank_code: bankCode,
      file_name: fileName ?? null,
      sha256: createHash('sha256').update(upload.csv).digest('hex'),
      encoding: checked.encoding,
      region_id: regionId,
      created_by: actor.userId,
      actor_label: `${actor.name}（${actor.phone}）`,
      status: 'running',
      total_lines: checked.lines,
      file: upload.csv,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      const refusal = fromDatabaseError(error);
      // statement_imports_running_file_idx: the same file of the same bank is being recorded right now.
      if (refusal?.code === 'CONFLICT') throw new DomainError('CONFLICT', '同一银行的同一文件正在导入中，请等待其完成后查看结果');
      throw refusal ?? error;
    });
  if (options.launch !== false) launchStatementImport(db, job.id);
  return { id: job.id, totalLines: checked.lines };
}
