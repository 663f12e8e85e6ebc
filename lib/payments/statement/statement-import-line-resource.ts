import { z } from 'zod';
import type { Kysely, Transaction } from 'kysely';
import type { Database, OrderStatus, StatementLineOutcome } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { filterValue, runListQuery } from '@/lib/back-office/run-list-query';
import { DomainError } from '@/lib/errors/domain-error';
import { inRegionOrPlatform } from '@/lib/regions/region-filters';
import { STATEMENT_LINE_OUTCOMES } from './statement-line-outcome';

export interface StatementImportLineRecord {
  /** `<import id>:<line>`: react-admin wants one id per row. */
  id: string;
  import_id: string;
  line: number;
  bank_txn_id: string;
  amount_fen: number;
  payer_name: string;
  remark: string;
  outcome: StatementLineOutcome;
  transfer_id: string | null;
  order_number: string | null;
  order_status: OrderStatus | null;
  region_id: string | null;
}

function selectLines(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('statement_import_lines')
    .leftJoin('orders', 'orders.id', 'statement_import_lines.order_id')
    .select([
      'statement_import_lines.import_id', 'statement_import_lines.line', 'statement_import_lines.bank_txn_id',
      'statement_import_lines.amount_fen', 'statement_import_lines.payer_name', 'statement_import_lines.remark',
      'statement_import_lines.outcome', 'statement_import_lines.transfer_id', 'statement_import_lines.region_id',
      'orders.order_number', 'orders.status as order_status',
    ]);
}

const withId = <Row extends { import_id: string; line: number }>(row: Row) => ({ ...row, id: `${row.import_id}:${row.line}` });

const idSchema = z.string().regex(/^[0-9a-f-]{36}:\d{1,7}$/, { error: '导入行编号无效' });

/**
 * Each line of an import and what became of it, paged (`filter={"import_id":…,"outcome":…}`, sorted by line). A line
 * belongs to its order's region once matched, else to the import's: an operator never sees another
 * region's order through a platform import's lines.
 */
export const statementImportLineResource: ResourceDefinition<StatementImportLineRecord> = {
  name: 'statement-import-lines',
  entityType: 'bank_statement_line',
  label: '导入行',
  idSchema,
  defaultSort: 'line',

  async list(db, scope, params) {
    let query = selectLines(db);
    const importId = filterValue(params.filter, 'import_id', 'string');
    if (importId !== undefined) {
      if (!z.uuid().safeParse(importId).success) throw new DomainError('VALIDATION_FAILED', '筛选条件 import_id 无效');
      query = query.where('statement_import_lines.import_id', '=', importId);
    }
    if (scope !== null) query = query.where(inRegionOrPlatform('statement_import_lines.region_id', scope));
    const outcome = filterValue(params.filter, 'outcome', 'string');
    if (outcome !== undefined) {
      if (!(STATEMENT_LINE_OUTCOMES as string[]).includes(outcome)) throw new DomainError('VALIDATION_FAILED', '筛选条件 outcome 无效');
      query = query.where('statement_import_lines.outcome', '=', outcome as StatementLineOutcome);
    }
    const page = await runListQuery(query, params, { id: 'statement_import_lines.import_id', line: 'statement_import_lines.line' });
    return { ...page, rows: page.rows.map(withId) };
  },

  async findById(db, id) {
    const [importId, line] = String(id).split(':');
    const row = await selectLines(db)
      .where('statement_import_lines.import_id', '=', importId!)
      .where('statement_import_lines.line', '=', Number(line))
      .executeTakeFirst();
    return row && withId(row);
  },
};
