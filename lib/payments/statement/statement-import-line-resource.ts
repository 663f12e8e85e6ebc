import { z } from 'zod';
import type { Kysely, Transaction } from 'kysely';
import type { Database, OrderStatus, StatementLineOutcome } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
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

  list: declaredList({
    from: selectLines,
    id: null,
    region: { column: 'statement_import_lines.region_id', orPlatform: true },
    filters: {
      import_id: { column: 'statement_import_lines.import_id', type: 'uuid' },
      outcome: { column: 'statement_import_lines.outcome', values: STATEMENT_LINE_OUTCOMES },
    },
    sortable: { id: 'statement_import_lines.import_id', line: 'statement_import_lines.line' },
    present: withId,
  }),

  async findById(db, id) {
    const [importId, line] = String(id).split(':');
    const row = await selectLines(db)
      .where('statement_import_lines.import_id', '=', importId!)
      .where('statement_import_lines.line', '=', Number(line))
      .executeTakeFirst();
    return row && withId(row);
  },
};
