import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { VALID_APPLICATION } from '@/forms/fixtures/application-submissions';
import { listRecords } from '@/lib/back-office/list-records';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { getMyOrder } from '@/lib/orders/get-my-order';
import { submitAsSeen } from '@/lib/orders/testing/submit-as-seen';
import { recordTransfer } from '@/lib/payments/record-transfer';
import { listProductsForSection } from '@/lib/products/list-products-for-section';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import { importStatement } from './import-statement';
import { previewStatementImport } from './preview-statement-import';
import { statementImportLineResource, type StatementImportLineRecord } from './statement-import-line-resource';
import { statementImportResource, type StatementImportRecord } from './statement-import-resource';
import { encodeGbk } from './testing/encode-gbk';

const BASIC_ACCOUNT = '3002012309024567812'; // 新疆天山建设工程有限公司's registered basic account
const HEADER = '交易流水号,交易时间,金额（元）,付款人名称,付款人账号,付款人类型,附言';

const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

describe.each(testDatabaseKinds)('bank-statement import on %s', (kind) => {
  const f = useDemoFixture(kind);
  // Tue 2026-11-24 10:00 Beijing.
  useFixedClock();
  let order: Awaited<ReturnType<typeof submitAsSeen>>;
  let file: Uint8Array;

  const count = async (table: 'bank_transfers' | 'audit_events' | 'order_events' | 'refunds') =>
    Number((await f.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    const open = (await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50 })).rows;
    const section = open.find((s) => s.projectCode === 'WLMQ-JS-2026-0158' && s.sectionName === '施工一标段')!;
    const [product] = await listProductsForSection(f.db, f.actors.bidder, section.sectionId);
    order = await submitAsSeen(f.db, f.actors.bidder, { sectionId: section.sectionId, productId: product!.productId, noticeAccepted: true, formData: VALID_APPLICATION });
    // The bank's notification of this one arrived before the statement.
    await recordTransfer(f.db, 'demo', 'webhook', {
      transactionId: 'S-003', amountFen: 50_000, payerName: '张三', payerAccount: '6222020200112233445', payerKind: 'personal', remark: '无附言', bankTime: SEEDED_AT,
    });
    // GBK, as the bank exports it.
    file = encodeGbk([
      HEADER,
      `S-001,2026-11-24 09:30:00,${yuan(order.premiumFen)},新疆天山建设工程有限公司,${BASIC_ACCOUNT},企业,"投标保证保险, 附言 ${order.remarkCode}"`,
      'S-002,2026-11-24 09:31:00,"1,000.00",李四,6222020200112233999,个人,货款',
      'S-003,2026-11-24 09:32:00,500.00,张三,6222020200112233445,个人,无附言',
    ].join('\r\n'));
  });

  it('previews every line without changing anything: new, already reported, and the order a remark names', async () => {
    const before = await count('bank_transfers');
    const preview = await previewStatementImport(f.db, f.actors.operator, { bankCode: 'demo', csv: file });
    expect(preview.encoding).toBe('gb18030');
    expect(preview.lines.map((l) => [l.line, l.state, l.matchedOrder, l.importedVia])).toEqual([
      [2, 'new', { orderNumber: order.orderNumber, status: 'pending_payment' }, null],
      [3, 'new', null, null],
      [4, 'already_imported', null, 'webhook'],
    ]);
    expect(preview.lines[0]).toMatchObject({ amountFen: order.premiumFen, bankTime: '2026-11-24T01:30:00.000Z', payerKind: 'enterprise', errors: [] });
    expect(preview.totals).toEqual({ lines: 3, new: 2, alreadyImported: 1, errors: 0, matched: 1, unmatched: 1, newAmountFen: order.premiumFen + 100_000 });
    expect(preview.truncated).toBe(false);
    expect(await count('bank_transfers')).toBe(before);
  });

  it('does not tell another region\'s operator the order number', async () => {
    const preview = await previewStatementImport(f.db, f.actors.otherOperator, { bankCode: 'demo', csv: file });
    expect(preview.lines[0]!.matchedOrder).toEqual({ otherRegion: true });
    const admin = await previewStatementImport(f.db, f.actors.platformAdmin, { bankCode: 'demo', csv: file });
    expect(admin.lines[0]!.matchedOrder).toEqual({ orderNumber: order.orderNumber, status: 'pending_payment' });
  });

  it('refuses another region\'s operator a file naming this region\'s order, and changes nothing', async () => {
    const before = [await count('bank_transfers'), await count('order_events'), await count('audit_events')];
    const error = await expectRefusal(importStatement(f.db, f.actors.otherOperator, { bankCode: 'demo', csv: file }));
    expect([error.code, error.message]).toEqual(['OTHER_REGION', '第 2 行的附言对应其他区域的订单，整个文件未导入。请删除这些行后重新上传，并交由该区域处理']);
    expect([await count('bank_transfers'), await count('order_events'), await count('audit_events')]).toEqual(before);
  });

  it('imports nothing from a file with one bad line, and names the line', async () => {
    const before = [await count('bank_transfers'), await count('audit_events')];
    const bad = new TextEncoder().encode([
      HEADER,
      'S-101,2026-11-24 09:30:00,100.00,李四,6222020200112233999,个人,',
      'S-102,2026-11-24 09:30:00,100.001,李四,6222020200112233999,个人,',
    ].join('\n'));
    const preview = await previewStatementImport(f.db, f.actors.operator, { bankCode: 'demo', csv: bad });
    expect(preview.lines[1]).toMatchObject({ line: 3, state: 'error', errors: ['金额（元）：最多保留两位小数（精确到分）'] });
    const error = await expectRefusal(importStatement(f.db, f.actors.operator, { bankCode: 'demo', csv: bad }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('第 3 行有错误，整个文件未导入。请修正后重新上传');
    expect([await count('bank_transfers'), await count('audit_events')]).toEqual(before);
  });

  it('refuses compliance, bidders and an unknown bank before reading the file', async () => {
    for (const work of [previewStatementImport, importStatement]) {
      expect((await expectRefusal(work(f.db, f.actors.compliance, { bankCode: 'demo', csv: file }))).code).toBe('READ_ONLY_ROLE');
      expect((await expectRefusal(work(f.db, f.actors.bidder, { bankCode: 'demo', csv: file }))).code).toBe('FORBIDDEN');
      const unknown = await expectRefusal(work(f.db, f.actors.operator, { bankCode: 'nobank', csv: file }));
      expect(unknown.fieldErrors).toEqual({ bankCode: '该银行未配置，不能导入其流水' });
    }
  });

  it('records the new lines for the operator\'s region and reconciles them: the matched payment insures the order', async () => {
    const audits = await count('audit_events');
    const result = await importStatement(f.db, f.actors.operator, { bankCode: 'demo', csv: file, fileName: '工行流水20261124.csv' });
    expect(result).toMatchObject({
      status: 'done', bankCode: 'demo', fileName: '工行流水20261124.csv', lines: 3, imported: 2, alreadyImported: 1,
      byStatus: { matched: 1, unmatched: 1, duplicate: 0, returned: 0, review: 0 }, issued: 1, refunded: 0,
    });
    const rows = await f.db.selectFrom('bank_transfers').select(['bank_txn_id', 'source', 'status', 'region_id', 'amount_fen']).where('bank_txn_id', 'like', 'S-00%').orderBy('bank_txn_id').execute();
    expect(rows).toEqual([
      { bank_txn_id: 'S-001', source: 'statement', status: 'matched', region_id: '650100', amount_fen: order.premiumFen },
      { bank_txn_id: 'S-002', source: 'statement', status: 'unmatched', region_id: '650100', amount_fen: 100_000 },
      // Reported by the bank's notification first: left as it was.
      { bank_txn_id: 'S-003', source: 'webhook', status: 'unmatched', region_id: null, amount_fen: 50_000 },
    ]);
    const detail = await getMyOrder(f.db, f.actors.bidder, order.id);
    expect(detail.status).toBe('issued');
    expect(await count('audit_events')).toBe(audits + 1);
    const event = await f.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'bank_statement.import', entity_type: 'bank_statement', entity_id: result.sha256, region_id: '650100', actor_id: f.actors.operator.userId });
    // The chain keeps the counts; what became of each line is in the import's line results.
    expect(event.after).toMatchObject({ importId: result.id, status: 'done', imported: 2, alreadyImported: 1, encoding: 'gb18030' });
    const page = { sort: { field: 'line', order: 'asc' as const }, offset: 0, limit: 25, filter: { import_id: result.id } };
    const lines = (await listRecords(f.db, f.actors.operator, statementImportLineResource, page)).rows as StatementImportLineRecord[];
    expect(lines.map((l) => [l.line, l.bank_txn_id, l.outcome, l.order_number, l.order_status])).toEqual([
      [2, 'S-001', 'issued', order.orderNumber, 'issued'],
      [3, 'S-002', 'unmatched', null, null],
      [4, 'S-003', 'already_imported', null, null],
    ]);
    // The stored file is dropped once the import is done.
    const job = await f.db.selectFrom('statement_imports').select(['file', 'status', 'processed_lines']).where('id', '=', result.id).executeTakeFirstOrThrow();
    expect(job).toEqual({ file: null, status: 'done', processed_lines: 3 });
  });

  it('adds nothing when the same statement is imported again', async () => {
    const before = await Promise.all([count('bank_transfers'), count('order_events'), count('refunds')]);
    const again = await importStatement(f.db, f.actors.operator, { bankCode: 'demo', csv: file });
    expect(again).toMatchObject({ lines: 3, imported: 0, alreadyImported: 3, byStatus: { matched: 0, unmatched: 0 } });
    expect(await Promise.all([count('bank_transfers'), count('order_events'), count('refunds')])).toEqual(before);
    const preview = await previewStatementImport(f.db, f.actors.operator, { bankCode: 'demo', csv: file });
    expect(preview.totals).toMatchObject({ new: 0, alreadyImported: 3 });
  });

  it('records a platform administrator\'s lines for no region', async () => {
    const csv = new TextEncoder().encode(`\uFEFF${HEADER}\nS-201,2026-11-24 09:40:00,10,王五,6222020200112233888,个人,\n`);
    const result = await importStatement(f.db, f.actors.platformAdmin, { bankCode: 'demo', csv });
    expect(result.imported).toBe(1);
    const row = await f.db.selectFrom('bank_transfers').select(['region_id', 'source']).where('bank_txn_id', '=', 'S-201').executeTakeFirstOrThrow();
    expect(row).toEqual({ region_id: null, source: 'statement' });
  });
});

describe.each(testDatabaseKinds)('the statement import history on %s', (kind) => {
  const f = useDemoFixture(kind);

  it('lists each import with its counts, to the importing region and for platform imports to everyone', async () => {
    const csv = (id: string) => new TextEncoder().encode(`${HEADER}\n${id},2026-11-24 09:40:00,10,王五,6222020200112233888,个人,\n`);
    await importStatement(f.db, f.actors.operator, { bankCode: 'demo', csv: csv('H-1'), fileName: '乌鲁木齐.csv' });
    await importStatement(f.db, f.actors.platformAdmin, { bankCode: 'demo', csv: csv('H-2'), fileName: '平台.csv' });
    const page = { sort: { field: 'created_at', order: 'desc' as const }, offset: 0, limit: 25, filter: {} };
    const own = (await listRecords(f.db, f.actors.operator, statementImportResource, page)).rows as StatementImportRecord[];
    expect(own.map((r) => r.file_name).sort()).toEqual(['乌鲁木齐.csv', '平台.csv']);
    expect(own.find((r) => r.file_name === '乌鲁木齐.csv')).toMatchObject({
      bank_code: 'demo', bank_name: '演示银行（模拟）', region_id: '650100', status: 'done', lines: 1, processed_lines: 1, imported: 1, already_imported: 0, matched: 0, unmatched: 1, duplicate: 0,
    });
    const other = (await listRecords(f.db, f.actors.otherOperator, statementImportResource, page)).rows as StatementImportRecord[];
    expect(other.map((r) => r.file_name)).toEqual(['平台.csv']);
  });
});
