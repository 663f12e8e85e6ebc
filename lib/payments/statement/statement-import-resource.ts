import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, StatementImportStatus } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
import { now } from '@/lib/time/clock';
import { statementBankName } from './list-statement-banks';
import { retryStatementImport } from './retry-statement-import';
import { statementImportAllowedActions, statementImportLifecycle } from './statement-import-lifecycle';

export interface StatementImportRecord {
  id: string;
  created_at: Date;
  finished_at: Date | null;
  actor_label: string;
  region_id: string | null;
  bank_code: string;
  bank_name: string;
  file_name: string | null;
  sha256: string;
  encoding: string;
  status: StatementImportStatus;
  lines: number;
  processed_lines: number;
  imported: number;
  already_imported: number;
  matched: number;
  unmatched: number;
  duplicate: number;
  review: number;
  issued: number;
  refunded: number;
  error_code: string | null;
  error_message: string | null;
  /** Running, but nobody holds its lease: the process recording it stopped. */
  stalled: boolean;
}


function selectImports(db: Kysely<Database> | Transaction<Database>) {
  // Never the stored file: the list is polled while an import runs.
  return db
    .selectFrom('statement_imports')
    .select([
      'id', 'created_at', 'finished_at', 'actor_label', 'region_id', 'bank_code', 'file_name', 'sha256', 'encoding', 'status',
      'total_lines as lines', 'processed_lines', 'imported', 'already_imported', 'matched', 'unmatched', 'duplicate', 'review',
      'issued', 'refunded', 'error_code', 'error_message',
      sql<boolean>`status = 'running' and lease_until < ${now()}`.as('stalled'),
    ]);
}

const withBankName = <Row extends { bank_code: string }>(row: Row) => ({ ...row, bank_name: statementBankName(row.bank_code) });

async function findStatementImport(db: Kysely<Database> | Transaction<Database>, id: string | number): Promise<StatementImportRecord | undefined> {
  const row = await selectImports(db).where('id', '=', String(id)).executeTakeFirst();
  return row && withBankName(row);
}

/**
 * 银行流水导入: every import with its progress and counts. Polled by the back office while an import
 * runs (its id is what starting one answers). An operator sees its region's imports and the platform's.
 */
export const statementImportResource: ResourceDefinition<StatementImportRecord> = {
  name: 'statement-imports',
  entityType: 'bank_statement',
  label: '银行流水导入记录',
  idSchema: z.uuid({ error: '导入记录编号无效' }),
  defaultSort: 'created_at',

  list: declaredList({
    from: selectImports,
    id: 'statement_imports.id',
    region: { column: 'statement_imports.region_id', orPlatform: true },
    filters: { status: { column: 'statement_imports.status', values: statementImportLifecycle.stateNames } },
    sortable: { id: 'statement_imports.id', created_at: 'statement_imports.created_at' },
    present: withBankName,
  }),

  findById: findStatementImport,

  allowedActions: statementImportAllowedActions,

  commands: {
    /** 继续导入: answers the import as it now is, running again; its runner is launched in the background. */
    retry: {
      async run(db, actor, id) {
        await retryStatementImport(db, actor, id);
        return (await findStatementImport(db, id))!;
      },
    },
  },
};
