import type { Kysely, Transaction } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, InvoiceMedium, InvoiceStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { getRecord } from '@/lib/back-office/get-record';
import { listRecords } from '@/lib/back-office/list-records';
import { backOfficeResource } from '@/lib/back-office/resource-registry';
import { resourceCommand, runCommand } from '@/lib/back-office/run-command';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { refusalOf, TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { everyStateAndAction, tableOf, type LifecycleTable } from '@/lib/lifecycle/testing/lifecycle-table';
import { rolledBack } from '@/lib/lifecycle/testing/rolled-back';
import { lockForAction, transition } from '@/lib/lifecycle/transition';
import type { SubmittedOrder } from '@/lib/orders/submit-application';
import { issuedOrderOnDemoProject } from '@/lib/orders/testing/test-orders';
import { daysFrom } from '@/lib/platform/demo-data';
import { now } from '@/lib/time/clock';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { getOrderInvoicing } from './get-order-invoicing';
import { allowedInvoiceActions, invoiceLifecycle, isLiveInvoice, type InvoiceAction, type InvoiceFacts } from './invoice-lifecycle';
import { MAX_INVOICE_PDF_BYTES } from './store-invoice-pdf';

/** Every state × every action, written out by hand: the state an action leads to, '=' for one that keeps it. */
const TABLE: LifecycleTable<InvoiceStatus, InvoiceAction> = {
  requested: { issue: 'issued', void: 'voided' },
  issued: { void: 'voided', download: '=' },
  voided: {},
};

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  userId: `${role}-user`, role, name: role, phone: '13900000000', regionId: null, enterpriseId: null,
  canEditRules: false, canEditRuleValues: false, ...extra,
});

const URUMQI = '650100';
const operator = actor('operator', { regionId: URUMQI });
const otherOperator = actor('operator', { regionId: '650200' });
const compliance = actor('compliance');
const platformAdmin = actor('platform_admin');
const bidder = actor('bidder', { enterpriseId: 'tianshan' });
const otherBidder = actor('bidder', { enterpriseId: 'kunlun' });

const invoice = (status: InvoiceFacts['status'], more: Partial<InvoiceFacts> = {}): InvoiceFacts => ({
  status, regionId: URUMQI, enterpriseId: 'tianshan', hasDocument: status !== 'requested', ...more,
});

describe('the invoice lifecycle', () => {
  it('has exactly these edges: issue a request, void a request or an issued invoice; download an issued one', () => {
    expect(tableOf(invoiceLifecycle)).toEqual(TABLE);
    expect(invoiceLifecycle.initial).toEqual(['requested']);
  });

  it('tells the second of two operators what the first did', () => {
    expect(refusalOf(invoiceLifecycle, 'issue', 'issued').message).toBe('该发票已开具，不能再次开具');
    expect(refusalOf(invoiceLifecycle, 'issue', 'voided').message).toBe('该发票已作废');
    expect(refusalOf(invoiceLifecycle, 'void', 'voided').message).toBe('该发票已作废');
    expect(refusalOf(invoiceLifecycle, 'download', 'requested').message).toBe('发票当前状态为「待开具」，不能下载发票');
    expect(refusalOf(invoiceLifecycle, 'void', 'voided').code).toBe('CONFLICT');
  });

  it('counts a requested or issued invoice, not a voided one', () => {
    expect(invoiceLifecycle.stateNames.filter(isLiveInvoice)).toEqual(['requested', 'issued']);
  });
});

describe('what each reader may do to an invoice', () => {
  const everyState = (who: Actor, more: Partial<InvoiceFacts> = {}) =>
    Object.fromEntries(invoiceLifecycle.stateNames.map((status) => [status, allowedInvoiceActions(invoice(status, more), who)]));

  it('an operator of the order\'s region issues and voids', () => {
    expect(everyState(operator)).toEqual({ requested: ['issue', 'void'], issued: ['void'], voided: [] });
  });

  it('an operator of another region, and compliance, nothing', () => {
    expect(everyState(otherOperator)).toEqual({ requested: [], issued: [], voided: [] });
    expect(everyState(compliance)).toEqual({ requested: [], issued: [], voided: [] });
  });

  it('a platform administrator, as the region\'s operator', () => {
    expect(everyState(platformAdmin)).toEqual({ requested: ['issue', 'void'], issued: ['void'], voided: [] });
  });

  it('the order\'s own bidder downloads an issued invoice\'s PDF; another bidder, or one without a PDF, nothing', () => {
    expect(everyState(bidder)).toEqual({ requested: [], issued: ['download'], voided: [] });
    expect(everyState(bidder, { hasDocument: false })).toEqual({ requested: [], issued: [], voided: [] });
    expect(everyState(otherBidder)).toEqual({ requested: [], issued: [], voided: [] });
    // The back office's record does not say whose order it is: no bidder downloads from it.
    expect(everyState(bidder, { enterpriseId: undefined })).toEqual({ requested: [], issued: [], voided: [] });
    expect(allowedInvoiceActions(invoice('issued'), actor('bidder'))).toEqual([]);
  });
});

describe.each(testDatabaseKinds)('invoice transitions and commands on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();
  let tableOrder: SubmittedOrder, commandOrder: SubmittedOrder;
  beforeAll(async () => {
    tableOrder = await issuedOrderOnDemoProject(f, 'WLMQ-CG-2026-0342');
    commandOrder = await issuedOrderOnDemoProject(f, 'WLMQ-JS-2026-0158');
  });

  /** An invoice put straight into a state, as requestInvoice would have made it and operators moved it on. */
  const insertInvoice = (db: Kysely<Database> | Transaction<Database>, status: InvoiceStatus, orderId: string, medium: InvoiceMedium = 'paper') =>
    db
      .insertInto('invoices')
      .values({
        order_id: orderId, medium, invoice_type: 'ordinary', title: '新疆天山建设工程有限公司', tax_number: '91650100712345678G',
        recipient_name: '李明', recipient_phone: '13900000001', delivery_address: '新疆乌鲁木齐市天山区解放北路 88 号',
        status, requested_by: f.actors.bidder.userId, requested_at: now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  const rowOf = (db: Kysely<Database> | Transaction<Database>, id: string) => db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it.each(everyStateAndAction(invoiceLifecycle))('from %s, %s goes where the table says or is refused and changes nothing', async (state, action) => {
    const expected = TABLE[state][action];
    await rolledBack(f.db, async (trx) => {
      const before = await insertInvoice(trx, state, tableOrder.id);
      // An action without a new state is checked on the locked row, as its use case would before it acts.
      const attempt = invoiceLifecycle.actions[action].to
        ? transition(trx, 'invoices', invoiceLifecycle, { id: before.id, action })
        : lockForAction(trx, 'invoices', invoiceLifecycle, before.id, action);
      if (expected === undefined) {
        const error = await expectRefusal(attempt);
        expect(error).toBeInstanceOf(TransitionRefused);
        expect(error).toMatchObject({ code: 'CONFLICT', action, current: state, message: refusalOf(invoiceLifecycle, action, state).message });
        expect(await rowOf(trx, before.id)).toEqual(before);
      } else {
        const changed = await attempt;
        const to = expected === '=' ? state : expected;
        expect(await rowOf(trx, before.id)).toEqual({ ...before, status: to });
        if (expected !== '=') expect(changed).toMatchObject({ id: before.id, status: to, from_status: state });
      }
    });
    expect(await f.db.selectFrom('invoices').select('id').where('order_id', '=', tableOrder.id).execute()).toEqual([]);
  });

  it('is NOT_FOUND for an invoice that does not exist', async () => {
    await rolledBack(f.db, async (trx) => {
      const error = await expectRefusal(transition(trx, 'invoices', invoiceLifecycle, { id: '00000000-0000-4000-8000-000000000000', action: 'void' }));
      expect(error.code).toBe('NOT_FOUND');
    });
  });

  it('sends every reader the record with what they may do to it', async () => {
    const resource = backOfficeResource('invoices');
    const { id } = await insertInvoice(f.db, 'requested', commandOrder.id);
    expect((await getRecord(f.db, f.actors.operator, resource, id)).allowed_actions).toEqual(['issue', 'void']);
    expect((await getRecord(f.db, f.actors.platformAdmin, resource, id)).allowed_actions).toEqual(['issue', 'void']);
    expect((await getRecord(f.db, f.actors.compliance, resource, id)).allowed_actions).toEqual([]);
    expect((await expectRefusal(getRecord(f.db, f.actors.otherOperator, resource, id))).code).toBe('OTHER_REGION');
    // Were the record in front of another region's operator, it would offer nothing.
    expect(resource.allowedActions!((await getRecord(f.db, f.actors.operator, resource, id)), f.actors.otherOperator)).toEqual([]);
    const listed = await listRecords(f.db, f.actors.operator, resource, { sort: { field: 'requested_at', order: 'asc' }, offset: 0, limit: 50, filter: { id: [id] } });
    expect(listed.rows).toMatchObject([{ id, allowed_actions: ['issue', 'void'] }]);
    await f.db.deleteFrom('invoices').where('id', '=', id).execute();
  });

  it('runs 开具 and 作废 as commands, each answering the record as it now is', async () => {
    const resource = backOfficeResource('invoices');
    const { id } = await insertInvoice(f.db, 'requested', commandOrder.id);
    const mailing = { invoice_number: '12345678', carrier: '顺丰速运', tracking_number: 'SF1234567890' };
    expect((await expectRefusal(runCommand(f.db, f.actors.operator, resource, id, 'approve', { body: {} }))).code).toBe('NOT_FOUND');
    expect((await expectRefusal(runCommand(f.db, f.actors.operator, resource, id, 'update', { body: {} }))).code).toBe('NOT_FOUND');
    expect((await expectRefusal(runCommand(f.db, f.actors.compliance, resource, id, 'void', { body: { reason: '开错了' } }))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(runCommand(f.db, f.actors.compliance, resource, id, 'nonsense', { body: {} }))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(runCommand(f.db, f.actors.otherOperator, resource, id, 'issue', { body: mailing }))).code).toBe('OTHER_REGION');
    expect((await expectRefusal(runCommand(f.db, f.actors.bidder, resource, id, 'void', { body: { reason: '开错了' } }))).code).toBe('FORBIDDEN');
    expect((await rowOf(f.db, id)).status).toBe('requested');

    const issued = await runCommand(f.db, f.actors.operator, resource, id, 'issue', { body: mailing });
    expect(issued).toMatchObject({ id, status: 'issued', invoice_number: '12345678', carrier: '顺丰速运', issued_by_name: f.actors.operator.name, allowed_actions: ['void'] });
    const again = await expectRefusal(runCommand(f.db, f.actors.operator, resource, id, 'issue', { body: mailing }));
    expect(again).toMatchObject({ code: 'CONFLICT', message: '该发票已开具，不能再次开具' });

    const voided = await runCommand(f.db, f.actors.platformAdmin, resource, id, 'void', { body: { reason: '抬头有误，红冲后重开' } });
    expect(voided).toMatchObject({ id, status: 'voided', void_reason: '抬头有误，红冲后重开', allowed_actions: [] });
    expect((await expectRefusal(runCommand(f.db, f.actors.operator, resource, id, 'void', { body: { reason: '再次作废' } }))).message).toBe('该发票已作废');

    const audits = await f.db.selectFrom('audit_events').select(['action', 'actor_id', 'reason']).where('entity_id', '=', id).orderBy('occurred_at').orderBy('id').execute();
    expect(audits).toEqual([
      { action: 'invoice.issue', actor_id: f.actors.operator.userId, reason: null },
      { action: 'invoice.void', actor_id: f.actors.platformAdmin.userId, reason: '抬头有误，红冲后重开' },
    ]);
  });

  it('takes the electronic invoice\'s PDF with 开具, up to the size the command declares', async () => {
    const resource = backOfficeResource('invoices');
    expect(resourceCommand(resource, 'issue').upload).toEqual({ maxBytes: MAX_INVOICE_PDF_BYTES, tooLarge: '发票文件不能超过 5 MB' });
    expect(resourceCommand(resource, 'void').upload).toBeUndefined();
    const { id } = await insertInvoice(f.db, 'requested', commandOrder.id, 'electronic');
    const body = { invoice_number: '65012345678901234567' };
    expect((await expectRefusal(runCommand(f.db, f.actors.operator, resource, id, 'issue', { body }))).fieldErrors).toEqual({ file: '请上传电子发票 PDF 文件' });
    const file = { name: 'dzfp.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n%%EOF\n') };
    const issued = await runCommand(f.db, f.actors.operator, resource, id, 'issue', { body, file });
    expect(issued).toMatchObject({ status: 'issued', invoice_number: body.invoice_number, document_id: expect.any(String), allowed_actions: ['void'] });
  });

  it('tells the bidder, on the order page, what it may do: ask for an invoice, download an issued one', async () => {
    // Before bid opening the rules refuse every kind; after it, the form may open.
    expect((await getOrderInvoicing(f.db, f.actors.bidder, tableOrder.id)).allowedActions).toEqual([]);
    clock.set(daysFrom(SEEDED_AT, 14));
    const open = await getOrderInvoicing(f.db, f.actors.bidder, tableOrder.id);
    expect(open).toMatchObject({ closedReason: null, allowedActions: ['requestInvoice'], invoices: [] });

    // After the commands above: an issued electronic invoice with its PDF, and a voided paper one (both
    // requested at the test's one instant, so in no particular order).
    const shown = await getOrderInvoicing(f.db, f.actors.bidder, commandOrder.id);
    expect(shown.allowedActions).toEqual([]);
    expect(shown.closedReason).toContain('发票已开具');
    expect(shown.invoices.map((i) => [i.medium, i.status, i.live, i.allowedActions]).sort()).toEqual([
      ['electronic', 'issued', true, ['download']],
      ['paper', 'voided', false, []],
    ]);
  });
});
