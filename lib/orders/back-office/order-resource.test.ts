import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getRecord } from '@/lib/back-office/get-record';
import { listRecords } from '@/lib/back-office/list-records';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { orderOnNewProject } from '@/lib/orders/testing/order-on-new-project';
import { applyForSurrender } from '@/lib/surrenders/apply-for-surrender';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { exportOrders } from './export-orders';
import type { OrderDetail } from './order-resource';
import { orderResource } from './order-resource';

const page = (filter: Record<string, unknown> = {}) => ({ sort: { field: 'created_at', order: 'desc' as const }, offset: 0, limit: 100, filter });

describe.each(testDatabaseKinds)('全部订单 on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();

  const usccOf = async (enterpriseId: string) =>
    (await f.db.selectFrom('enterprises').select('uscc').where('id', '=', enterpriseId).executeTakeFirstOrThrow()).uscc;
  const ids = (rows: { id: string | number }[]) => rows.map((r) => String(r.id));

  it("finds an order by its enterprise's USCC, order number, project and section; only in the reader's region", async () => {
    const { orderId } = await orderOnNewProject(f);
    const { orderId: otherOrderId } = await orderOnNewProject(f, { bidder: 'otherBidder', unpaid: true });
    const uscc = await usccOf(f.actors.bidder.enterpriseId!);
    const byUscc = await listRecords(f.db, f.actors.operator, orderResource, page({ q: uscc }));
    expect(ids(byUscc.rows)).toContain(orderId);
    expect(ids(byUscc.rows)).not.toContain(otherOrderId);
    expect(byUscc.rows.every((r) => (r as unknown as OrderDetail).uscc === uscc)).toBe(true);

    const order = (await getRecord(f.db, f.actors.operator, orderResource, orderId)) as unknown as OrderDetail;
    for (const q of [order.order_number, order.project_name, order.project_code]) {
      expect(ids((await listRecords(f.db, f.actors.operator, orderResource, page({ q }))).rows)).toContain(orderId);
    }
    // Sections are named alike across projects: the section's name finds it among others.
    expect(ids((await listRecords(f.db, f.actors.operator, orderResource, page({ q: order.section_name }))).rows)).toContain(orderId);

    // 乌鲁木齐市's orders are not another region's operator's to see; the platform administrator sees all.
    expect(ids((await listRecords(f.db, f.actors.otherOperator, orderResource, page({ q: uscc }))).rows)).not.toContain(orderId);
    await expectRefusal(getRecord(f.db, f.actors.otherOperator, orderResource, orderId));
    expect(ids((await listRecords(f.db, f.actors.platformAdmin, orderResource, page({ q: uscc }))).rows)).toContain(orderId);
    // A bidder never reads the back office's list.
    await expectRefusal(listRecords(f.db, f.actors.bidder, orderResource, page()));
  });

  it('filters by state, product, insurer and the day it was placed; a malformed filter is a 422', async () => {
    const { orderId } = await orderOnNewProject(f);
    const { orderId: unpaidId } = await orderOnNewProject(f, { unpaid: true });
    const issued = await listRecords(f.db, f.actors.operator, orderResource, page({ status: 'issued' }));
    expect(ids(issued.rows)).toContain(orderId);
    expect(ids(issued.rows)).not.toContain(unpaidId);
    expect(ids((await listRecords(f.db, f.actors.operator, orderResource, page({ status: 'pending_payment' }))).rows)).toContain(unpaidId);

    const order = (await getRecord(f.db, f.actors.operator, orderResource, orderId)) as unknown as OrderDetail;
    expect(ids((await listRecords(f.db, f.actors.operator, orderResource, page({ product_id: order.product_id }))).rows)).toContain(orderId);
    expect(ids((await listRecords(f.db, f.actors.operator, orderResource, page({ insurer_id: order.insurer_id }))).rows)).toContain(orderId);
    const otherInsurer = await listRecords(f.db, f.actors.operator, orderResource, page({ insurer_id: '00000000-0000-4000-8000-000000000000' }));
    expect(otherInsurer.total).toBe(0);

    // The fixed clock is 2026-11-24 10:00 in Beijing: the order was placed that day.
    expect(ids((await listRecords(f.db, f.actors.operator, orderResource, page({ created_from: '2026-11-24', created_to: '2026-11-24' }))).rows)).toContain(orderId);
    expect(ids((await listRecords(f.db, f.actors.operator, orderResource, page({ created_from: '2026-11-25' }))).rows)).not.toContain(orderId);
    expect(ids((await listRecords(f.db, f.actors.operator, orderResource, page({ created_to: '2026-11-23' }))).rows)).not.toContain(orderId);

    for (const filter of [{ created_from: '24/11/2026' }, { created_to: '2026-13-45' }, { status: 'shipped' }, { product_id: 'x' }]) {
      const refusal = await expectRefusal(listRecords(f.db, f.actors.operator, orderResource, page(filter)));
      expect(refusal.code).toBe('VALIDATION_FAILED');
    }
  });

  it("shows the whole timeline and what the operator may do now, from the order's lifecycle", async () => {
    const { orderId } = await orderOnNewProject(f);
    const issued = (await getRecord(f.db, f.actors.operator, orderResource, orderId)) as unknown as OrderDetail & { allowed_actions: string[] };
    expect(issued.status).toBe('issued');
    expect(issued.policy_number).toBeTruthy();
    expect(issued.allowed_actions).toEqual([]);
    const kinds = issued.timeline!.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['order', 'transfer', 'decision', 'policy']));
    const decision = issued.timeline!.find((e) => e.kind === 'decision')!;
    expect(decision.title).toContain('规则决策');
    expect(decision.explanation).toBeTruthy();
    expect(issued.timeline!.find((e) => e.kind === 'policy')!.title).toContain(issued.policy_number!);
    const times = issued.timeline!.map((e) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));

    await applyForSurrender(f.db, f.actors.bidder, orderId, { reason: 'abandon_bid' });
    const reviewing = (await getRecord(f.db, f.actors.operator, orderResource, orderId)) as unknown as OrderDetail & { allowed_actions: string[] };
    expect(reviewing.allowed_actions).toEqual(['approveSurrender', 'rejectSurrender']);
    expect(reviewing.timeline!.some((e) => e.kind === 'surrender' && e.resource === 'surrenders')).toBe(true);
    // Compliance reads the order but makes none of its moves.
    const asCompliance = (await getRecord(f.db, f.actors.compliance, orderResource, orderId)) as unknown as { allowed_actions: string[] };
    expect(asCompliance.allowed_actions).toEqual([]);
  });

  it('exports the filtered list as CSV and .xlsx, with formulas kept as text', async () => {
    const { orderId } = await orderOnNewProject(f);
    const order = (await getRecord(f.db, f.actors.operator, orderResource, orderId)) as unknown as OrderDetail;
    const uscc = await usccOf(f.actors.bidder.enterpriseId!);
    const listed = await listRecords(f.db, f.actors.operator, orderResource, page({ q: uscc }));

    const csv = await exportOrders(f.db, f.actors.operator, 'csv', { filter: { q: uscc }, sort: page().sort });
    expect(csv.fileName).toMatch(/^订单列表-\d{12}\.csv$/);
    expect([...csv.content.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(csv.content);
    expect(text.startsWith('订单号,订单状态,投保企业,统一社会信用代码')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(listed.total + 1);
    expect(lines.find((l) => l.startsWith(order.order_number))).toContain(`${uscc}`);
    expect(lines.find((l) => l.startsWith(order.order_number))).toContain('投保成功');

    const xlsx = await exportOrders(f.db, f.actors.operator, 'xlsx', { filter: { q: uscc }, sort: page().sort });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.content) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('订单')!;
    expect(sheet.rowCount).toBe(listed.total + 1);
    expect(sheet.getRow(1).getCell(4).value).toBe('统一社会信用代码');
    const numbers = sheet.getColumn(1).values.slice(2);
    expect(numbers).toContain(order.order_number);

    // Another region's operator exports nothing of this region.
    const other = await exportOrders(f.db, f.actors.otherOperator, 'csv', { filter: { q: uscc }, sort: page().sort });
    expect(new TextDecoder().decode(other.content)).not.toContain(order.order_number);
    expect((await expectRefusal(exportOrders(f.db, f.actors.operator, 'pdf', { filter: {}, sort: page().sort }))).code).toBe('VALIDATION_FAILED');
  });

  it('keeps a cell that a spreadsheet would run as a formula as text', async () => {
    const { orderId } = await orderOnNewProject(f);
    await f.db.updateTable('projects').set({ name: '=HYPERLINK("http://x")' })
      .where('id', '=', (eb) => eb.selectFrom('sections').innerJoin('orders', 'orders.section_id', 'sections.id').select('sections.project_id').where('orders.id', '=', orderId))
      .execute();
    const csv = new TextDecoder().decode((await exportOrders(f.db, f.actors.operator, 'csv', { filter: { q: 'HYPERLINK' }, sort: page().sort })).content);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
