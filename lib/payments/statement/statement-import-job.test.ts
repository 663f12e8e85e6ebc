import iconv from 'iconv-lite';
import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_AT, type DemoFixture } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { migrations } from '@/db/migrations';
import { testDatabaseKinds } from '@/testing/test-database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { getRecord } from '@/lib/back-office/get-record';
import { listRecords } from '@/lib/back-office/list-records';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { importStatement } from './import-statement';
import { previewStatementImport } from './preview-statement-import';
import { STATEMENT_IMPORT_LEASE_MS } from './record-statement-batch';
import { resumeStatementImports } from './resume-statement-imports';
import { retryStatementImport } from './retry-statement-import';
import { runStatementImport } from './run-statement-import';
import { startStatementImport } from './start-statement-import';
import { statementImportLineResource, type StatementImportLineRecord } from './statement-import-line-resource';
import { statementImportLinesCsv } from './statement-import-lines-csv';
import { statementImportResource, type StatementImportRecord } from './statement-import-resource';
import { generateStatement, payableOrders, recordNotified, type GeneratedStatement, type PayableOrder } from './testing/generate-statement';

const REGION = '650100';
const HEADER = '交易流水号,交易时间,金额（元）,付款人名称,付款人账号,付款人类型,附言';

async function count(f: DemoFixture, table: 'bank_transfers' | 'refunds' | 'order_events' | 'policies'): Promise<number> {
  return Number((await f.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

async function outcomes(f: DemoFixture, importId: string): Promise<Record<string, number>> {
  const rows = await f.db
    .selectFrom('statement_import_lines')
    .select(['outcome', (eb) => eb.fn.countAll().as('n')])
    .where('import_id', '=', importId)
    .groupBy('outcome')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.outcome, Number(r.n)]));
}

async function transfersWithPrefix(f: DemoFixture, prefix: string): Promise<number> {
  const row = await f.db
    .selectFrom('bank_transfers')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('bank_txn_id', 'like', `${prefix}-%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(testDatabaseKinds)('a 50,000-line statement on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  let orders: PayableOrder[];
  let statement: GeneratedStatement;
  let importId: string;
  const upload = () => ({ bankCode: 'demo', fileName: '全年流水.csv', csv: statement.bytes });

  beforeAll(async () => {
    orders = await payableOrders(f, REGION);
    statement = generateStatement({ lines: 50_000, prefix: 'Y', orders, matchEvery: 160, notifiedEvery: 10 });
    await recordNotified(f.db, 'demo', statement.notifiedIds, SEEDED_AT);
  }, 120_000);

  it('previews it with totals over the whole file and the first thousand lines', async () => {
    const preview = await previewStatementImport(f.db, f.actors.operator, upload());
    const e = statement.expected;
    expect(preview.totals).toMatchObject({ lines: 50_000, new: 45_000, alreadyImported: 5000, errors: 0, matched: e.issued + e.duplicate, unmatched: e.unmatched });
    expect(preview.lines).toHaveLength(1000);
    expect(preview.truncated).toBe(true);
  }, 120_000);

  it('imports it in batches: counts, a result for every line, the matched orders insured', async () => {
    const before = await count(f, 'bank_transfers');
    const result = await importStatement(f.db, f.actors.operator, upload());
    importId = result.id;
    const e = statement.expected;
    expect(e).toMatchObject({ lines: 50_000, alreadyImported: 5000 });
    expect(e.issued).toBe(orders.length);
    expect(e.duplicate).toBeGreaterThan(200);
    expect(result).toMatchObject({
      status: 'done', lines: 50_000, imported: 45_000, alreadyImported: 5000, issued: orders.length, refunded: 0,
      byStatus: { matched: orders.length, unmatched: e.unmatched, duplicate: e.duplicate, review: 0 },
    });
    expect(await count(f, 'bank_transfers')).toBe(before + 45_000);
    expect(await outcomes(f, result.id)).toEqual({ issued: e.issued, duplicate: e.duplicate, unmatched: e.unmatched, already_imported: 5000 });
    const insured = await f.db.selectFrom('orders').select('status').where('remark_code', 'in', orders.map((o) => o.remarkCode)).execute();
    expect(insured.every((o) => o.status === 'issued')).toBe(true);
    // Array parameters carried quotes, braces and a backslash as they are.
    const odd = await f.db.selectFrom('bank_transfers').select('remark').where('bank_txn_id', '=', 'Y-000500').executeTakeFirstOrThrow();
    expect(odd.remark).toBe('货款 "加急", {备注} \\ 第500号');
  }, 240_000);

  it('adds nothing when the same file is imported again, and says so for every line', async () => {
    const before = await Promise.all([count(f, 'bank_transfers'), count(f, 'refunds'), count(f, 'order_events'), count(f, 'policies')]);
    const again = await importStatement(f.db, f.actors.operator, upload());
    expect(again).toMatchObject({ status: 'done', lines: 50_000, imported: 0, alreadyImported: 50_000 });
    expect(await Promise.all([count(f, 'bank_transfers'), count(f, 'refunds'), count(f, 'order_events'), count(f, 'policies')])).toEqual(before);
    expect(await outcomes(f, again.id)).toEqual({ already_imported: 50_000 });
  }, 240_000);

  it('pages the line results by outcome', async () => {
    const page = { sort: { field: 'line', order: 'asc' as const }, offset: 25, limit: 25, filter: { import_id: importId, outcome: 'duplicate' } };
    const { rows, total } = await listRecords(f.db, f.actors.operator, statementImportLineResource, page);
    expect(total).toBe(statement.expected.duplicate);
    expect(rows).toHaveLength(25);
    expect((rows as StatementImportLineRecord[]).every((r) => r.outcome === 'duplicate' && r.order_status === 'issued')).toBe(true);
  });
});

describe.each(testDatabaseKinds)('statement import jobs on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();
  let orders: PayableOrder[];

  beforeAll(async () => {
    orders = await payableOrders(f, REGION);
  }, 120_000);

  const job = (id: string) => f.db.selectFrom('statement_imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('a failure mid-way keeps the earlier batches; continuing records the rest without duplicates', async () => {
    const statement = generateStatement({ lines: 1000, prefix: 'F', orders: orders.slice(0, 2), matchEvery: 90, notifiedEvery: 10 });
    await recordNotified(f.db, 'demo', statement.notifiedIds, SEEDED_AT);
    const { id } = await startStatementImport(f.db, f.actors.operator, { bankCode: 'demo', fileName: 'f.csv', csv: statement.bytes }, { launch: false });
    const fail = runStatementImport(f.db, id, {
      batchLines: 100,
      beforeCommit: (batch) => {
        if (batch === 3) throw new Error('connection lost');
      },
    });
    await expect(fail).rejects.toThrow('connection lost');
    expect(await job(id)).toMatchObject({ status: 'failed', processed_lines: 300, error_code: 'INTERNAL', lease_owner: null });
    expect((await job(id)).file).not.toBeNull();
    // Batches 0–2 are recorded, batch 3 was undone whole.
    expect(await transfersWithPrefix(f, 'F')).toBe(100 + 270);
    expect(Object.values(await outcomes(f, id)).reduce((a, b) => a + b, 0)).toBe(300);
    const failure = await f.db.selectFrom('audit_events').select(['action', 'after']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(failure).toMatchObject({ action: 'bank_statement.import_failed', after: { importId: id, processedLines: 300 } });
    const shown = (await getRecord(f.db, f.actors.operator, statementImportResource, id)) as unknown as StatementImportRecord;
    expect(shown).toMatchObject({ status: 'failed', processed_lines: 300, error_message: '导入中断（系统错误），已记录的批次保持不变，可继续导入' });

    // Another region's operator may not continue it; the importing region may, once.
    expect((await expectRefusal(retryStatementImport(f.db, f.actors.otherOperator, id, { launch: false }))).code).toBe('OTHER_REGION');
    await retryStatementImport(f.db, f.actors.operator, id, { launch: false });
    expect((await expectRefusal(retryStatementImport(f.db, f.actors.operator, id, { launch: false }))).code).toBe('CONFLICT');
    await runStatementImport(f.db, id, { batchLines: 100 });
    const done = await job(id);
    expect(done).toMatchObject({ status: 'done', processed_lines: 1000, imported: 900, already_imported: 100, issued: 2, file: null, attempts: 2 });
    expect(await transfersWithPrefix(f, 'F')).toBe(1000);
    expect(await outcomes(f, id)).toEqual({
      issued: 2, duplicate: statement.expected.duplicate, unmatched: statement.expected.unmatched, already_imported: 100,
    });
  }, 120_000);

  it('an import a dead process left running is resumed by the scheduled job once its lease runs out', async () => {
    const statement = generateStatement({ lines: 700, prefix: 'R', orders: [], matchEvery: 1, notifiedEvery: 1000 });
    const { id } = await startStatementImport(f.db, f.actors.operator, { bankCode: 'demo', csv: statement.bytes }, { launch: false });
    await expect(runStatementImport(f.db, id, { batchLines: 200, beforeCommit: (b) => { if (b === 2) throw new Error('killed'); } })).rejects.toThrow();
    // As a process that died mid-batch leaves it: running, leased to nobody alive, two batches recorded.
    const lease = new Date(clock.now().getTime() + STATEMENT_IMPORT_LEASE_MS);
    await f.db.updateTable('statement_imports').set({ status: 'running', lease_owner: '00000000-0000-4000-8000-00000000dead', lease_until: lease }).where('id', '=', id).execute();
    expect(await runStatementImport(f.db, id)).toBeNull();
    expect(await resumeStatementImports(f.db)).toBe(0);
    expect((await expectRefusal(retryStatementImport(f.db, f.actors.operator, id, { launch: false }))).message).toBe('该导入正在进行中');
    clock.advance(STATEMENT_IMPORT_LEASE_MS + 1000);
    expect(await getRecord(f.db, f.actors.operator, statementImportResource, id)).toMatchObject({ status: 'running', stalled: true, processed_lines: 400 });
    expect(await resumeStatementImports(f.db)).toBe(1);
    for (let i = 0; i < 200 && (await job(id)).status === 'running'; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await job(id)).toMatchObject({ status: 'done', processed_lines: 700, imported: 700, already_imported: 0 });
    expect(await transfersWithPrefix(f, 'R')).toBe(700);
    expect(await outcomes(f, id)).toEqual({ unmatched: 700 });
  }, 60_000);

  it('refuses a second import of a file while the first is running', async () => {
    const csv = new TextEncoder().encode(`${HEADER}\nC-1,2026-11-24 09:40:00,10,王五,6222020200112233888,个人,\n`);
    const first = await startStatementImport(f.db, f.actors.operator, { bankCode: 'demo', csv }, { launch: false });
    const error = await expectRefusal(startStatementImport(f.db, f.actors.operator, { bankCode: 'demo', csv }, { launch: false }));
    expect([error.code, error.message]).toEqual(['CONFLICT', '同一银行的同一文件正在导入中，请等待其完成后查看结果']);
    await runStatementImport(f.db, first.id);
    const again = await importStatement(f.db, f.actors.operator, { bankCode: 'demo', csv });
    expect(again).toMatchObject({ imported: 0, alreadyImported: 1 });
  });

  it('imports a GB18030 file, characters beyond GBK included, and offers each line\'s result as CSV', async () => {
    const order = orders[2]!;
    const text = [
      HEADER,
      `G-1,2026-11-24 09:30:00,${(order.premiumFen / 100).toFixed(2)},${order.payerName},${order.payerAccount},企业,保费 ${order.remarkCode}`,
      'G-2,2026-11-24 09:31:00,"1,000.00",𠀀𠀁建设有限公司,6222020200112233999,企业,"=HYPERLINK(""x"") 货款"',
      'G-3,2026-11-24 09:32:00,12.50,李四€,6222020200112233999,个人,货款',
    ].join('\r\n');
    const csv = new Uint8Array(iconv.encode(text, 'gb18030'));
    const result = await importStatement(f.db, f.actors.operator, { bankCode: 'demo', fileName: '农行流水.csv', csv });
    expect(result).toMatchObject({ lines: 3, imported: 3, issued: 1, byStatus: { unmatched: 2 } });
    expect((await job(result.id)).encoding).toBe('gb18030');
    const names = await f.db.selectFrom('bank_transfers').select('payer_name').where('bank_txn_id', 'in', ['G-2', 'G-3']).orderBy('bank_txn_id').execute();
    expect(names.map((n) => n.payer_name)).toEqual(['𠀀𠀁建设有限公司', '李四€']);

    const download = await statementImportLinesCsv(f.db, f.actors.operator, result.id);
    expect(download.fileName).toBe('农行流水-逐行结果.csv');
    const bytes = new Uint8Array(await new Response(download.body).arrayBuffer());
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const orderNumber = (await f.db.selectFrom('orders').select('order_number').where('remark_code', '=', order.remarkCode).executeTakeFirstOrThrow()).order_number;
    expect(body.split('\r\n')).toEqual([
      '\uFEFF行号,交易流水号,金额（元）,付款人名称,附言,处理结果,订单号,订单状态',
      `2,G-1,${(order.premiumFen / 100).toFixed(2)},${order.payerName},保费 ${order.remarkCode},已匹配订单，投保成功,${orderNumber},投保成功`,
      // A remark a spreadsheet would run as a formula is written as text.
      `3,G-2,1000.00,𠀀𠀁建设有限公司,"'=HYPERLINK(""x"") 货款",未匹配订单，待人工处理,,`,
      '4,G-3,12.50,李四€,货款,未匹配订单，待人工处理,,',
      '',
    ]);
    expect((await expectRefusal(statementImportLinesCsv(f.db, f.actors.bidder, result.id))).code).toBe('FORBIDDEN');
    expect((await expectRefusal(statementImportLinesCsv(f.db, f.actors.otherOperator, result.id))).code).toBe('OTHER_REGION');
  });

});

describe.each(testDatabaseKinds)('migration 0010 on %s', (kind) => {
  const f = useDemoFixture(kind, { hookTimeout: 120_000 });

  it('turns an import recorded before jobs existed (an audit event only) into a finished import', async () => {
    const migration = migrations['0010_statement_imports']!;
    await migration.down!(f.db as unknown as Kysely<unknown>);
    const after = {
      bankCode: 'demo', fileName: '旧流水.csv', sha256: 'ab'.repeat(32), lines: 3, imported: 2, alreadyImported: 1,
      byStatus: { matched: 1, unmatched: 1, duplicate: 0, returned: 0, review: 0 }, encoding: 'gbk', recordedTransactionIds: ['O-1', 'O-2'],
    };
    await f.db.transaction().execute((trx) =>
      appendAuditEvent(trx, f.actors.operator, { action: 'bank_statement.import', entityType: 'bank_statement', entityId: after.sha256, regionId: REGION, after }),
    );
    await migration.up(f.db as unknown as Kysely<unknown>);
    const page = { sort: { field: 'created_at', order: 'desc' as const }, offset: 0, limit: 25, filter: {} };
    const rows = (await listRecords(f.db, f.actors.operator, statementImportResource, page)).rows as StatementImportRecord[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      file_name: '旧流水.csv', sha256: after.sha256, encoding: 'gbk', status: 'done', region_id: REGION, lines: 3, processed_lines: 3,
      imported: 2, already_imported: 1, matched: 1, unmatched: 1, duplicate: 0, stalled: false,
    });
  });
});
