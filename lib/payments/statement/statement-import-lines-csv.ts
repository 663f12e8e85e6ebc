import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { assertCanRead, readableRegions } from '@/lib/auth/authorize';
import { notFound } from '@/lib/errors/domain-error';
import { ORDER_STATUS_LABELS } from '@/lib/orders/order-status';
import { inRegionOrPlatform } from '@/lib/regions/region-filters';
import { parseInput } from '@/lib/validation/parse-input';
import { statementImportResource } from './statement-import-resource';
import { STATEMENT_LINE_OUTCOME_LABELS } from './statement-line-outcome';

const PAGE = 2000;
const HEADER = ['行号', '交易流水号', '金额（元）', '付款人名称', '附言', '处理结果', '订单号', '订单状态'];

/** A CSV cell: quoted when it must be, and never read by a spreadsheet as a formula (=, +, -, @). */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/**
 * 下载逐行结果: every line of an import the reader may see with what became of it, as a UTF-8 CSV (with a
 * BOM, for Excel). Read from the database a page at a time as the download is pulled, so a 100,000-line
 * result is never in memory at once.
 */
export async function statementImportLinesCsv(
  db: Kysely<Database>,
  actor: Actor,
  rawId: string,
): Promise<{ fileName: string; body: ReadableStream<Uint8Array> }> {
  const scope = readableRegions(actor);
  const id = String(parseInput(statementImportResource.idSchema, rawId));
  const job = await statementImportResource.findById(db, id, scope);
  if (!job) throw notFound(statementImportResource.label);
  assertCanRead(actor, job.region_id);

  const encoder = new TextEncoder();
  let after = 0;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${HEADER.join(',')}\r\n`));
        return;
      }
      let query = db
        .selectFrom('statement_import_lines')
        .leftJoin('orders', 'orders.id', 'statement_import_lines.order_id')
        .select([
          'statement_import_lines.line', 'statement_import_lines.bank_txn_id', 'statement_import_lines.amount_fen',
          'statement_import_lines.payer_name', 'statement_import_lines.remark', 'statement_import_lines.outcome',
          'orders.order_number', 'orders.status as order_status',
        ])
        .where('statement_import_lines.import_id', '=', id)
        .where('statement_import_lines.line', '>', after)
        .orderBy('statement_import_lines.line')
        .limit(PAGE);
      if (scope !== null) query = query.where(inRegionOrPlatform('statement_import_lines.region_id', scope));
      const rows = await query.execute();
      if (!rows.length) {
        controller.close();
        return;
      }
      after = rows.at(-1)!.line;
      const text = rows
        .map((r) =>
          [
            String(r.line), r.bank_txn_id, yuan(r.amount_fen), r.payer_name, r.remark, STATEMENT_LINE_OUTCOME_LABELS[r.outcome],
            r.order_number ?? '', r.order_status ? ORDER_STATUS_LABELS[r.order_status] : '',
          ].map(cell).join(','),
        )
        .join('\r\n');
      controller.enqueue(encoder.encode(`${text}\r\n`));
    },
  });
  const base = (job.file_name ?? '银行流水').replace(/\.csv$/i, '');
  return { fileName: `${base}-逐行结果.csv`, body };
}
