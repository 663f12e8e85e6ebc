import { sql } from 'kysely';
import { z } from 'zod';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { filterIds, runListQuery } from '@/lib/back-office/run-list-query';
import { inRegionOrPlatform } from '@/lib/regions/region-filters';
import { statementBankName } from './list-statement-banks';

export interface StatementImportRecord {
  /** The audit event of the import: the chain is where imports are kept. */
  id: number;
  occurred_at: Date;
  actor_label: string;
  region_id: string | null;
  bank_code: string;
  bank_name: string;
  file_name: string | null;
  lines: number;
  imported: number;
  already_imported: number;
  matched: number;
  unmatched: number;
  duplicate: number;
}

const ACTION = 'bank_statement.import';

function selectImports(db: Parameters<ResourceDefinition['findById']>[0]) {
  const int = (key: string) => sql<number>`coalesce((audit_events.after->>${key})::int, 0)`;
  const status = (key: string) => sql<number>`coalesce((audit_events.after->'byStatus'->>${key})::int, 0)`;
  return db
    .selectFrom('audit_events')
    .where('action', '=', ACTION)
    .select(['id', 'occurred_at', 'actor_label', 'region_id'])
    .select([
      sql<string>`audit_events.after->>'bankCode'`.as('bank_code'),
      sql<string | null>`audit_events.after->>'fileName'`.as('file_name'),
      int('lines').as('lines'),
      int('imported').as('imported'),
      int('alreadyImported').as('already_imported'),
      status('matched').as('matched'),
      status('unmatched').as('unmatched'),
      status('duplicate').as('duplicate'),
    ]);
}

const withBankName = <Row extends { bank_code: string }>(row: Row) => ({ ...row, bank_name: statementBankName(row.bank_code) });

/** 银行流水导入: the statements imported so far, read from their links in the audit chain. */
export const statementImportResource: ResourceDefinition<StatementImportRecord> = {
  name: 'statement-imports',
  entityType: 'bank_statement',
  label: '银行流水导入记录',
  idSchema: z.coerce.number({ error: '导入记录编号无效' }).int().positive(),
  defaultSort: 'occurred_at',

  async list(db, scope, params) {
    let query = selectImports(db);
    if (scope !== null) query = query.where(inRegionOrPlatform('audit_events.region_id', scope));
    const ids = filterIds(params.filter);
    if (ids) query = query.where('id', 'in', ids.map(Number));
    const page = await runListQuery(query, params, { id: 'audit_events.id', occurred_at: 'audit_events.occurred_at' });
    return { ...page, rows: page.rows.map(withBankName) };
  },

  async findById(db, id) {
    const row = await selectImports(db).where('id', '=', Number(id)).executeTakeFirst();
    return row && withBankName(row);
  },
};
