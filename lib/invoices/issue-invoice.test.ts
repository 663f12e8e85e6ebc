import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { daysFrom } from '@/lib/platform/demo-data';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { getRecord } from '@/lib/back-office/get-record';
import { listRecords } from '@/lib/back-office/list-records';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { transitionOrder } from '@/lib/orders/transition-order';
import { downloadMyInvoice } from './download-my-invoice';
import { getOrderInvoicing } from './get-order-invoicing';
import { invoiceResource, type InvoiceRecord } from './invoice-resource';
import { issueInvoice } from './issue-invoice';
import { readInvoiceDocument } from './read-invoice-document';
import { requestInvoice } from './request-invoice';
import { MAX_INVOICE_PDF_BYTES } from './store-invoice-pdf';
import { orderOnNewProject } from '@/lib/orders/testing/order-on-new-project';
import { issuedOrderOnDemoProject } from '@/lib/orders/testing/test-orders';
import { voidInvoice } from './void-invoice';

const ENTERPRISE = { title: '新疆天山建设工程有限公司', taxNumber: '91650100712345678G' };
const COMPANY = { companyAddress: '新疆乌鲁木齐市天山区解放北路 88 号', companyPhone: '0991-2345678', companyBank: '中国工商银行乌鲁木齐天山区支行', companyAccount: '3002012309024567812' };
const DELIVERY = { recipientName: '李明', recipientPhone: '13900000001', deliveryAddress: '新疆乌鲁木齐市天山区解放北路 88 号 5 楼财务部' };

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const pdf = (bytes: Uint8Array = PDF) => ({ name: 'dzfp_65012345678901234567.pdf', bytes });

const electronicOrdinary = { medium: 'electronic', invoiceType: 'ordinary', ...ENTERPRISE };
const paperSpecial = { medium: 'paper', invoiceType: 'special', ...ENTERPRISE, ...COMPANY, ...DELIVERY };
const paperOrdinary = { medium: 'paper', invoiceType: 'ordinary', ...ENTERPRISE, ...DELIVERY };

/** After every bid opening: the demo projects' (at most 13 days after seeding) and those of orderOnNewProject (10). */
const AFTER_OPENINGS = daysFrom(SEEDED_AT, 14);

const queue = (filter: Record<string, unknown> = {}) => ({ sort: { field: 'requested_at', order: 'asc' as const }, offset: 0, limit: 50, filter });

describe.each(testDatabaseKinds)('issuing and voiding invoices on %s', (kind) => {
  const f = useDemoFixture(kind);
  // The tests run after the bid openings, where the invoices are asked for.
  const clock = useFixedClock(AFTER_OPENINGS);

  /** An insured order of the bidder's on a 乌鲁木齐 project of its own. */
  const newProjectOrder = async () => {
    const { orderId } = await orderOnNewProject(f);
    return f.db.selectFrom('orders').select(['id', 'order_number as orderNumber', 'premium_fen as premiumFen']).where('id', '=', orderId).executeTakeFirstOrThrow();
  };
  /**
   * A test's own invoice request: the order applied for at seeding, before its section closes (on a new
   * 乌鲁木齐 project unless told otherwise), and the invoice asked for after the bid opening, where the clock is left.
   */
  const requested = async (input: Record<string, unknown>, order: () => Promise<{ id: string; orderNumber: string; premiumFen: number }> = newProjectOrder) => {
    clock.set(SEEDED_AT);
    const made = await order();
    clock.set(AFTER_OPENINGS);
    const { invoiceId } = await requestInvoice(f.db, f.actors.bidder, made.id, input);
    return { order: made, id: invoiceId };
  };

  const invoice = (id: string) => f.db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const documentCount = async () => Number((await f.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('queues the region\'s requests for its operators; compliance reads every region', async () => {
    const ids = async (actor: typeof f.actors.operator, filter: Record<string, unknown> = {}) =>
      ((await listRecords(f.db, actor, invoiceResource, queue(filter))).rows as InvoiceRecord[]).map((r) => r.id);
    // What the queues held before this test asked for its four invoices.
    const before = {
      mine: await ids(f.actors.operator, { status: 'requested' }),
      theirs: await ids(f.actors.otherOperator),
      total: (await listRecords(f.db, f.actors.compliance, invoiceResource, queue())).total,
      electronic: await ids(f.actors.operator, { medium: 'electronic' }),
    };
    const { id: electronicId } = await requested(electronicOrdinary);
    const { id: paperId, order: paperOrder } = await requested(paperSpecial);
    const { id: ordinaryId } = await requested(paperOrdinary);
    const { id: karamayId } = await requested(electronicOrdinary, () => issuedOrderOnDemoProject(f, 'KLMY-JS-2026-0052'));

    const mine = (await listRecords(f.db, f.actors.operator, invoiceResource, queue({ status: 'requested' }))).rows as InvoiceRecord[];
    expect(mine.map((r) => r.id).sort()).toEqual([...before.mine, electronicId, paperId, ordinaryId].sort());
    expect(mine.find((r) => r.id === paperId)).toMatchObject({
      order_number: paperOrder.orderNumber, enterprise_name: '新疆天山建设工程有限公司', amount_fen: paperOrder.premiumFen,
      medium: 'paper', invoice_type: 'special', company_account: COMPANY.companyAccount, recipient_name: '李明', requested_by_name: '李明',
      order_status: 'issued', region_id: '650100',
    });
    expect((await ids(f.actors.otherOperator)).sort()).toEqual([...before.theirs, karamayId].sort());
    expect((await listRecords(f.db, f.actors.compliance, invoiceResource, queue())).total).toBe(before.total + 4);
    expect((await ids(f.actors.operator, { medium: 'electronic' })).sort()).toEqual([...before.electronic, electronicId].sort());
    expect((await listRecords(f.db, f.actors.operator, invoiceResource, queue({ q: paperOrder.orderNumber }))).rows.map((r) => r.id)).toEqual([paperId]);
    expect((await expectRefusal(getRecord(f.db, f.actors.otherOperator, invoiceResource, paperId))).code).toBe('OTHER_REGION');
    expect((await expectRefusal(listRecords(f.db, f.actors.bidder, invoiceResource, queue()))).code).toBe('FORBIDDEN');
  });

  it('lets only an operator of the order\'s region issue or void', async () => {
    const { id: electronicId } = await requested(electronicOrdinary);
    const documentsBefore = await documentCount();
    const number = { invoice_number: '65012345678901234567' };
    expect((await expectRefusal(issueInvoice(f.db, f.actors.compliance, electronicId, number, pdf()))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(issueInvoice(f.db, f.actors.otherOperator, electronicId, number, pdf()))).code).toBe('OTHER_REGION');
    expect((await expectRefusal(issueInvoice(f.db, f.actors.bidder, electronicId, number, pdf()))).code).toBe('FORBIDDEN');
    expect((await expectRefusal(voidInvoice(f.db, f.actors.compliance, electronicId, { reason: '开错了' }))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(voidInvoice(f.db, f.actors.otherOperator, electronicId, { reason: '开错了' }))).code).toBe('OTHER_REGION');
    expect((await expectRefusal(issueInvoice(f.db, f.actors.operator, '00000000-0000-4000-8000-000000000000', number, pdf()))).code).toBe('NOT_FOUND');
    expect(await invoice(electronicId)).toMatchObject({ status: 'requested', invoice_number: null, document_id: null });
    expect(await documentCount()).toBe(documentsBefore);
  });

  it('issues an electronic invoice only with a PDF of at most 5 MB and a valid number', async () => {
    const { id: electronicId } = await requested(electronicOrdinary);
    const documentsBefore = await documentCount();
    const issue = (input: unknown, file?: ReturnType<typeof pdf>) => expectRefusal(issueInvoice(f.db, f.actors.operator, electronicId, input, file));
    expect((await issue({ invoice_number: '65012345678901234567' })).fieldErrors).toEqual({ file: '请上传电子发票 PDF 文件' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect((await issue({ invoice_number: '65012345678901234567' }, { name: 'fake.pdf', bytes: png })).fieldErrors).toEqual({ file: '发票文件必须是 PDF 格式' });
    const huge = new Uint8Array(MAX_INVOICE_PDF_BYTES + 1);
    huge.set(PDF);
    expect((await issue({ invoice_number: '65012345678901234567' }, pdf(huge))).fieldErrors).toEqual({ file: '发票文件不能超过 5 MB' });
    expect((await issue({ invoice_number: 'FP-1' }, pdf())).fieldErrors).toEqual({ invoice_number: '发票号码应为 8 至 20 位数字' });
    expect(await invoice(electronicId)).toMatchObject({ status: 'requested', document_id: null });
    expect(await documentCount()).toBe(documentsBefore);
  });

  it('issues the electronic invoice; the bidder downloads it, nobody else', async () => {
    const { id: electronicId, order: electronicOrder } = await requested(electronicOrdinary);
    // A paper invoice asked for and not issued yet: it has no document to read.
    const { id: paperId } = await requested(paperSpecial);
    const issued = await issueInvoice(f.db, f.actors.operator, electronicId, { invoice_number: ' 65012345678901234567 ' }, pdf());
    expect(issued).toMatchObject({ status: 'issued', invoice_number: '65012345678901234567', issued_by_name: f.actors.operator.name, carrier: null });
    const document = await f.db.selectFrom('documents').selectAll().where('id', '=', issued.document_id!).executeTakeFirstOrThrow();
    expect(document).toMatchObject({ content_type: 'application/pdf', sha256: createHash('sha256').update(PDF).digest('hex'), uploaded_by: f.actors.operator.userId });

    const shown = await getOrderInvoicing(f.db, f.actors.bidder, electronicOrder.id);
    expect(shown.invoices).toMatchObject([{ id: electronicId, status: 'issued', invoiceNumber: '65012345678901234567', hasDocument: true }]);
    expect(shown.closedReason).toContain('发票已开具');
    const file = await downloadMyInvoice(f.db, f.actors.bidder, electronicOrder.id);
    expect(file.fileName).toBe('发票-65012345678901234567.pdf');
    expect(Buffer.from(file.content).equals(Buffer.from(PDF))).toBe(true);
    expect((await expectRefusal(downloadMyInvoice(f.db, f.actors.otherBidder, electronicOrder.id))).code).toBe('NOT_FOUND');

    expect(Buffer.from((await readInvoiceDocument(f.db, f.actors.compliance, electronicId)).content).equals(Buffer.from(PDF))).toBe(true);
    expect((await expectRefusal(readInvoiceDocument(f.db, f.actors.otherOperator, electronicId))).code).toBe('OTHER_REGION');
    expect((await expectRefusal(readInvoiceDocument(f.db, f.actors.operator, paperId))).code).toBe('NOT_FOUND');

    const again = await expectRefusal(issueInvoice(f.db, f.actors.operator, electronicId, { invoice_number: '65012345678901234568' }, pdf()));
    expect(again).toMatchObject({ code: 'CONFLICT', message: '该发票已开具，不能再次开具' });
    const audit = await f.db.selectFrom('audit_events').selectAll().where('action', '=', 'invoice.issue').where('entity_id', '=', electronicId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ region_id: '650100', actor_id: f.actors.operator.userId });
    expect(audit.after).toMatchObject({ status: 'issued', document_sha256: document.sha256 });
  });

  it('records the mailing of a paper invoice, which the bidder then sees', async () => {
    const { id: paperId, order: paperOrder } = await requested(paperSpecial);
    const noFile = await expectRefusal(issueInvoice(f.db, f.actors.operator, paperId, { invoice_number: '12345678', carrier: '顺丰速运', tracking_number: 'SF1234567890' }, pdf()));
    expect(noFile.fieldErrors).toEqual({ file: '纸质发票无需上传文件' });
    const incomplete = await expectRefusal(issueInvoice(f.db, f.actors.operator, paperId, { invoice_number: '12345678', tracking_number: '顺丰' }));
    expect(incomplete.fieldErrors).toEqual({ carrier: '请填写快递公司', tracking_number: '运单号应为 6 至 40 位字母、数字或连字符' });

    await issueInvoice(f.db, f.actors.operator, paperId, { invoice_number: '12345678', carrier: '顺丰速运', tracking_number: 'SF1234567890' });
    const [shown] = (await getOrderInvoicing(f.db, f.actors.bidder, paperOrder.id)).invoices;
    expect(shown).toMatchObject({
      status: 'issued', medium: 'paper', invoiceType: 'special', invoiceNumber: '12345678', carrier: '顺丰速运', trackingNumber: 'SF1234567890',
      title: ENTERPRISE.title, recipientName: '李明', recipientPhone: '13900000001', deliveryAddress: DELIVERY.deliveryAddress, hasDocument: false,
    });
    expect((await expectRefusal(downloadMyInvoice(f.db, f.actors.bidder, paperOrder.id))).code).toBe('NOT_FOUND');
  });

  it('voids (红冲) only with a reason; the bidder sees why and may ask again', async () => {
    const { id: electronicId, order: electronicOrder } = await requested(electronicOrdinary);
    await issueInvoice(f.db, f.actors.operator, electronicId, { invoice_number: '65012345678901234567' }, pdf());
    const noReason = await expectRefusal(voidInvoice(f.db, f.actors.operator, electronicId, { reason: ' ' }));
    expect(noReason.fieldErrors).toEqual({ reason: '请填写作废原因（至少 2 个字）' });
    expect((await invoice(electronicId)).status).toBe('issued');

    const voided = await voidInvoice(f.db, f.actors.operator, electronicId, { reason: '发票抬头有误，红冲后重开' });
    expect(voided).toMatchObject({ status: 'voided', void_reason: '发票抬头有误，红冲后重开', voided_by_name: f.actors.operator.name, invoice_number: '65012345678901234567' });
    const audit = await f.db.selectFrom('audit_events').selectAll().where('action', '=', 'invoice.void').where('entity_id', '=', electronicId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity_id: electronicId, reason: '发票抬头有误，红冲后重开', actor_id: f.actors.operator.userId });
    expect((await expectRefusal(voidInvoice(f.db, f.actors.operator, electronicId, { reason: '再次作废' }))).message).toBe('该发票已作废');
    expect((await expectRefusal(issueInvoice(f.db, f.actors.operator, electronicId, { invoice_number: '65012345678901234567' }, pdf()))).message).toBe('该发票已作废');
    // A voided invoice is not valid any more: it is shown, never served.
    expect((await expectRefusal(downloadMyInvoice(f.db, f.actors.bidder, electronicOrder.id))).code).toBe('NOT_FOUND');

    const before = await getOrderInvoicing(f.db, f.actors.bidder, electronicOrder.id);
    expect(before.closedReason).toBeNull();
    expect(before.invoices).toMatchObject([{ id: electronicId, status: 'voided', voidReason: '发票抬头有误，红冲后重开' }]);

    clock.advance(60_000);
    const again = await requestInvoice(f.db, f.actors.bidder, electronicOrder.id, { medium: 'electronic', invoiceType: 'ordinary', ...ENTERPRISE, title: '新疆天山建设工程有限公司（重开）' });
    const after = await getOrderInvoicing(f.db, f.actors.bidder, electronicOrder.id);
    expect(after.invoices.map((i) => [i.id, i.status])).toEqual([[again.invoiceId, 'requested'], [electronicId, 'voided']]);
    await issueInvoice(f.db, f.actors.operator, again.invoiceId, { invoice_number: '65012345678901239999' }, pdf());
    expect((await downloadMyInvoice(f.db, f.actors.bidder, electronicOrder.id)).fileName).toBe('发票-65012345678901239999.pdf');
  });

  it('neither requests nor issues while a surrender may refund the premium', async () => {
    const { id: surrenderingId, order: surrenderingOrder } = await requested(paperOrdinary);
    await f.db.transaction().execute((trx) => transitionOrder(trx, null, surrenderingOrder.id, 'applySurrender', { reason: '测试：项目流标，申请退保' }));
    const issue = await expectRefusal(issueInvoice(f.db, f.actors.operator, surrenderingId, { invoice_number: '12345679', carrier: '中国邮政 EMS', tracking_number: '1234567890123' }));
    expect(issue).toMatchObject({ code: 'CONFLICT', message: '订单已申请退保或已退保，不能开具发票；请作废该发票申请' });
    expect((await invoice(surrenderingId)).status).toBe('requested');
    const [row] = (await listRecords(f.db, f.actors.operator, invoiceResource, queue({ q: surrenderingOrder.orderNumber }))).rows as InvoiceRecord[];
    expect(row!.order_status).toBe('surrender_review');

    await voidInvoice(f.db, f.actors.operator, surrenderingId, { reason: '订单退保审核中，不予开具' });
    const request = await expectRefusal(requestInvoice(f.db, f.actors.bidder, surrenderingOrder.id, { medium: 'paper', invoiceType: 'ordinary', ...ENTERPRISE, ...DELIVERY }));
    expect(request).toMatchObject({ code: 'CONFLICT', message: '订单退保审核中，暂不能申请发票' });
  });

  it('keeps the audit chain intact', async () => {
    // Invoices asked for, issued and voided: each step appends to the chain.
    const { id: electronicId } = await requested(electronicOrdinary);
    await issueInvoice(f.db, f.actors.operator, electronicId, { invoice_number: '65012345678901230000' }, pdf());
    await voidInvoice(f.db, f.actors.operator, electronicId, { reason: '测试：红冲' });
    const { id: paperId } = await requested(paperSpecial);
    await issueInvoice(f.db, f.actors.operator, paperId, { invoice_number: '12345670', carrier: '顺丰速运', tracking_number: 'SF1234567899' });
    expect((await verifyAuditChain(f.db)).ok).toBe(true);
  });
});
