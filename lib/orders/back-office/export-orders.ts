import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { listRecords } from '@/lib/back-office/list-records';
import type { ListParams } from '@/lib/back-office/list-params';
import { DomainError } from '@/lib/errors/domain-error';
import { PROJECT_TYPE_LABELS } from '@/lib/projects/project-labels';
import { now } from '@/lib/time/clock';
import { formatDateTime } from '@/lib/time/format';
import { parseInput } from '@/lib/validation/parse-input';
import { ORDER_STATUS_LABELS } from '../order-status';
import type { OrderRecord } from './order-record';
import { orderResource } from './order-resource';

/** More than this is not a list to export but a database to query: the reader is asked to narrow it. */
export const MAX_EXPORT_ROWS = 10_000;

export const exportFormatSchema = z.enum(['csv', 'xlsx'], { error: '导出格式应为 csv 或 xlsx' });
export type ExportFormat = z.infer<typeof exportFormatSchema>;

const yuan = (fen: number) => (fen / 100).toFixed(2);

const COLUMNS: { header: string; width: number; value(row: OrderRecord): string }[] = [
  { header: '订单号', width: 22, value: (r) => r.order_number },
  { header: '订单状态', width: 12, value: (r) => ORDER_STATUS_LABELS[r.status] },
  { header: '投保企业', width: 30, value: (r) => r.enterprise_name },
  { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
  { header: '项目编号', width: 20, value: (r) => r.project_code },
  { header: '项目名称', width: 30, value: (r) => r.project_name },
  { header: '项目类型', width: 10, value: (r) => PROJECT_TYPE_LABELS[r.project_type] },
  { header: '标段', width: 16, value: (r) => r.section_name },
  { header: '保险公司', width: 20, value: (r) => r.insurer_name },
  { header: '保险产品', width: 24, value: (r) => r.product_name },
  { header: '保证金（元）', width: 14, value: (r) => yuan(r.deposit_fen) },
  { header: '保费（元）', width: 12, value: (r) => yuan(r.premium_fen) },
  { header: '保单号', width: 22, value: (r) => r.policy_number ?? '' },
  { header: '下单时间（北京时间）', width: 18, value: (r) => formatDateTime(r.created_at) },
];

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is kept as text. */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(text: string): string {
  const safe = inert(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a BOM so Excel opens the Chinese as UTF-8. */
function toCsv(rows: OrderRecord[]): Uint8Array {
  const lines = [COLUMNS.map((c) => c.header), ...rows.map((row) => COLUMNS.map((c) => c.value(row)))].map((cells) => cells.map(csvCell).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

async function toXlsx(rows: OrderRecord[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '电子保函服务平台';
  const sheet = workbook.addWorksheet('订单');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(COLUMNS.map((c) => inert(c.value(row))));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * 全部订单 as a file: the list exactly as the reader filtered it (its region, its search and filters, its
 * sort), every page of it. Read through listRecords, so the export can show nothing the list would not.
 */
export async function exportOrders(
  db: Kysely<Database>,
  actor: Actor,
  rawFormat: unknown,
  params: Pick<ListParams, 'filter' | 'sort'>,
): Promise<{ fileName: string; content: Uint8Array; contentType: string }> {
  const format = parseInput(exportFormatSchema, rawFormat);
  const page = await listRecords(db, actor, orderResource, { ...params, offset: 0, limit: MAX_EXPORT_ROWS + 1 });
  if (page.rows.length > MAX_EXPORT_ROWS) {
    throw new DomainError('VALIDATION_FAILED', `符合条件的订单有 ${page.total} 笔，超过单次导出上限 ${MAX_EXPORT_ROWS} 笔，请缩小筛选范围后再导出`);
  }
  const rows = page.rows as unknown as OrderRecord[];
  const stamp = formatDateTime(now()).replace(/[-: ]/g, '').slice(0, 12);
  return format === 'csv'
    ? { fileName: `订单列表-${stamp}.csv`, content: toCsv(rows), contentType: 'text/csv; charset=utf-8' }
    : { fileName: `订单列表-${stamp}.xlsx`, content: await toXlsx(rows), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
