import { describe, expect, it } from 'vitest';
import { daysFrom } from '@/lib/platform/demo-data';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { createRecord } from '@/lib/back-office/create-record';
import { deleteRecord } from '@/lib/back-office/delete-record';
import { listRecords } from '@/lib/back-office/list-records';
import { updateRecord } from '@/lib/back-office/update-record';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { publishRuleVersion } from '@/lib/rules/publish-rule-version';
import { ruleDecisionResource, type RuleDecisionRecord } from '@/lib/rules/rule-decision-resource';
import { ruleTestCaseResource, type RuleTestCaseRecord } from '@/lib/rules/rule-test-case-resource';
import type { RuleVersionRecord } from '@/lib/rules/rule-version-record';
import { ruleVersionResource } from '@/lib/rules/rule-version-resource';
import { downloadMyInvoice } from './download-my-invoice';
import { getOrderInvoicing } from './get-order-invoicing';
import { requestInvoice } from './request-invoice';
import { orderOnNewProject } from '@/lib/orders/testing/order-on-new-project';
import { issuedOrderOnDemoProject } from '@/lib/orders/testing/test-orders';

const URUMQI = '650100';
/** After every bid opening: the demo projects' (at most 13 days after seeding) and those of orderOnNewProject (10). */
const AFTER_OPENINGS = daysFrom(SEEDED_AT, 14);

const ENTERPRISE = { title: '新疆天山建设工程有限公司', taxNumber: '91650100712345678G' };
const COMPANY = { companyAddress: '新疆乌鲁木齐市天山区解放北路 88 号', companyPhone: '0991-2345678', companyBank: '中国工商银行乌鲁木齐天山区支行', companyAccount: '3002 0123 0902 4567 812' };
const DELIVERY = { recipientName: '李明', recipientPhone: '13900000001', deliveryAddress: '新疆乌鲁木齐市天山区解放北路 88 号 5 楼财务部' };

const electronicOrdinary = { medium: 'electronic', invoiceType: 'ordinary', ...ENTERPRISE };
const electronicSpecial = { medium: 'electronic', invoiceType: 'special', ...ENTERPRISE, ...COMPANY };
const paperOrdinary = { medium: 'paper', invoiceType: 'ordinary', ...ENTERPRISE, ...DELIVERY };
const paperSpecial = { medium: 'paper', invoiceType: 'special', ...ENTERPRISE, ...COMPANY, ...DELIVERY };

/** Invoice rules that also allow electronic special invoices after bid opening (a region's trial). */
const ALLOW_ELECTRONIC_SPECIAL = [
  { name: '开标前不予开具发票', priority: 20, conditions: { all: [{ fact: 'bidOpened', operator: 'equal', value: false }] }, event: { type: 'refused', params: { reason: 'before_bid_opening' } } },
  { name: '开标后均可开具', priority: 1, conditions: { all: [{ fact: 'bidOpened', operator: 'equal', value: true }] }, event: { type: 'allowed' } },
];

describe.each(testDatabaseKinds)('requesting invoices on %s', (kind) => {
  const f = useDemoFixture(kind);
  // Every test starts at seeding, before the bid openings, and makes its orders there: each on a 乌鲁木齐 project
  // of its own (orderOnNewProject: bid opening in 10 days), or on the Karamay demo project (two sections, 13 days)
  // where the region matters. A test that asks after the opening moves the clock there itself.
  const clock = useFixedClock();

  const invoicesOf = (orderId: string) => f.db.selectFrom('invoices').selectAll().where('order_id', '=', orderId).orderBy('requested_at').execute();
  const decisionsOf = (orderId: string) =>
    f.db
      .selectFrom('rule_decisions')
      .innerJoin('rule_set_versions', 'rule_set_versions.id', 'rule_decisions.version_id')
      .select(['rule_decisions.id', 'rule_decisions.outcome', 'rule_decisions.facts', 'rule_decisions.version_id', 'rule_set_versions.version', 'rule_set_versions.region_id'])
      .where('rule_decisions.subject_type', '=', 'order')
      .where('rule_decisions.subject_id', '=', orderId)
      .where('rule_decisions.rule_set_key', '=', 'invoice-type')
      .orderBy('rule_decisions.decided_at')
      .execute();
  const requestAudits = () => f.db.selectFrom('audit_events').selectAll().where('action', '=', 'invoice.request').orderBy('id').execute();

  it('refuses before bid opening with the rule\'s reason, writes no invoice and logs the decision with its version', async () => {
    const { orderId: construction1 } = await orderOnNewProject(f);
    const auditsBefore = (await requestAudits()).length;
    const before = await getOrderInvoicing(f.db, f.actors.bidder, construction1);
    expect(before.closedReason).toBe('不予开具：开标后方可申请发票');
    expect(before.defaults).toMatchObject({ title: ENTERPRISE.title, taxNumber: ENTERPRISE.taxNumber, recipientName: '李明' });

    const error = await expectRefusal(requestInvoice(f.db, f.actors.bidder, construction1, paperOrdinary));
    expect(error).toMatchObject({ code: 'RULE_REFUSED', message: '不予开具：开标后方可申请发票', status: 422 });
    expect(await invoicesOf(construction1)).toEqual([]);
    expect(await requestAudits()).toHaveLength(auditsBefore);
    const [decision] = await decisionsOf(construction1);
    expect(decision).toMatchObject({
      outcome: { allowed: false, reason: 'before_bid_opening' },
      facts: { bidOpened: false, medium: 'paper', invoiceType: 'ordinary' },
      version: 1,
      region_id: null,
    });
  });

  it('takes bid opening to be the very moment of opening', async () => {
    const { orderId: procurement1, projectId } = await orderOnNewProject(f, { type: 'procurement' });
    const { bid_opening_at: opening } = await f.db
      .selectFrom('projects').select('bid_opening_at').where('id', '=', projectId).executeTakeFirstOrThrow();
    clock.set(new Date(opening.getTime() - 1000));
    expect((await getOrderInvoicing(f.db, f.actors.bidder, procurement1)).closedReason).toBe('不予开具：开标后方可申请发票');
    clock.set(opening);
    expect((await getOrderInvoicing(f.db, f.actors.bidder, procurement1)).closedReason).toBeNull();
  });

  it('after bid opening offers what the rules allow, and refuses an electronic special invoice', async () => {
    const construction1 = await orderOnNewProject(f);
    clock.set(AFTER_OPENINGS);
    const { closedReason, choices, amountFen } = await getOrderInvoicing(f.db, f.actors.bidder, construction1.orderId);
    expect(closedReason).toBeNull();
    expect(amountFen).toBe(construction1.premiumFen);
    expect(choices).toEqual([
      { medium: 'electronic', invoiceType: 'ordinary', allowed: true, refusal: null },
      { medium: 'electronic', invoiceType: 'special', allowed: false, refusal: '不予开具：电子发票仅支持增值税普通发票' },
      { medium: 'paper', invoiceType: 'ordinary', allowed: true, refusal: null },
      { medium: 'paper', invoiceType: 'special', allowed: true, refusal: null },
    ]);
    const decisionsBefore = (await decisionsOf(construction1.orderId)).length;
    // Looking at the choices decides nothing: only requests are logged (and this order has had none).
    expect(decisionsBefore).toBe(0);

    const error = await expectRefusal(requestInvoice(f.db, f.actors.bidder, construction1.orderId, electronicSpecial));
    expect(error).toMatchObject({ code: 'RULE_REFUSED', message: '不予开具：电子发票仅支持增值税普通发票' });
    expect(await invoicesOf(construction1.orderId)).toEqual([]);
    const decisions = await decisionsOf(construction1.orderId);
    expect(decisions).toHaveLength(decisionsBefore + 1);
    expect(decisions[decisionsBefore]).toMatchObject({ outcome: { allowed: false, reason: 'electronic_special_not_supported' }, version: 1 });
  });

  it('refuses an incomplete request field by field, before asking the rules', async () => {
    const { orderId: construction1 } = await orderOnNewProject(f);
    const special = await expectRefusal(requestInvoice(f.db, f.actors.bidder, construction1, { medium: 'paper', invoiceType: 'special', ...ENTERPRISE, ...DELIVERY }));
    expect(special.code).toBe('VALIDATION_FAILED');
    expect(special.fieldErrors).toEqual({
      companyAddress: '请填写注册地址',
      companyPhone: '请填写注册电话',
      companyBank: '请填写开户银行',
      companyAccount: '请填写银行账号',
    });
    const paper = await expectRefusal(requestInvoice(f.db, f.actors.bidder, construction1, { ...paperOrdinary, recipientPhone: '12345', deliveryAddress: ' ' }));
    expect(paper.fieldErrors).toMatchObject({ recipientPhone: expect.stringContaining('收件人联系电话格式不正确'), deliveryAddress: '请填写邮寄地址' });
    const identity = await expectRefusal(requestInvoice(f.db, f.actors.bidder, construction1, { ...electronicOrdinary, title: '', taxNumber: '91650100712345678H' }));
    expect(identity.fieldErrors).toMatchObject({ title: '请填写发票抬头', taxNumber: expect.stringContaining('校验位') });
    const kindMissing = await expectRefusal(requestInvoice(f.db, f.actors.bidder, construction1, { ...ENTERPRISE, medium: 'fax' }));
    expect(kindMissing.fieldErrors).toMatchObject({ medium: '请选择发票介质', invoiceType: '请选择发票类型' });
    expect(await invoicesOf(construction1)).toEqual([]);
    // Not one of the four requests reached the rules: no decision is logged for the order.
    expect(await decisionsOf(construction1)).toEqual([]);
  });

  it('accepts each allowed combination, keeping only the fields its kind uses', async () => {
    const { orderId: construction1 } = await orderOnNewProject(f);
    const { orderId: construction2 } = await orderOnNewProject(f);
    const { orderId: procurement1 } = await orderOnNewProject(f, { type: 'procurement' });
    clock.set(AFTER_OPENINGS);
    const auditsBefore = new Set((await requestAudits()).map((e) => e.id));
    const a = await requestInvoice(f.db, f.actors.bidder, construction1, { ...electronicOrdinary, ...COMPANY, ...DELIVERY, taxNumber: ' 91650100712345678g ' });
    const b = await requestInvoice(f.db, f.actors.bidder, construction2, { ...paperOrdinary, ...COMPANY });
    const c = await requestInvoice(f.db, f.actors.bidder, procurement1, paperSpecial);

    const [electronic] = await invoicesOf(construction1);
    expect(electronic).toMatchObject({
      id: a.invoiceId, medium: 'electronic', invoice_type: 'ordinary', status: 'requested', title: ENTERPRISE.title,
      tax_number: ENTERPRISE.taxNumber, company_address: null, company_account: null, recipient_name: null, delivery_address: null,
      decision_id: a.decisionId, requested_by: f.actors.bidder.userId,
    });
    expect((await invoicesOf(construction2))[0]).toMatchObject({ id: b.invoiceId, medium: 'paper', invoice_type: 'ordinary', company_bank: null, ...{ recipient_name: '李明', recipient_phone: '13900000001' } });
    expect((await invoicesOf(procurement1))[0]).toMatchObject({
      id: c.invoiceId, medium: 'paper', invoice_type: 'special', company_address: COMPANY.companyAddress, company_phone: '0991-2345678',
      company_bank: COMPANY.companyBank, company_account: '3002012309024567812', delivery_address: DELIVERY.deliveryAddress,
    });

    const decision = (await decisionsOf(procurement1)).at(-1)!;
    expect(decision).toMatchObject({ id: c.decisionId, outcome: { allowed: true }, facts: { bidOpened: true, medium: 'paper', invoiceType: 'special' }, version: 1 });
    // One audit event for each request, and no other.
    const audits = (await requestAudits()).filter((e) => !auditsBefore.has(e.id));
    expect(audits.map((e) => e.entity_id).sort()).toEqual([a.invoiceId, b.invoiceId, c.invoiceId].sort());
    expect(audits.find((e) => e.entity_id === c.invoiceId)).toMatchObject({ region_id: URUMQI, actor_id: f.actors.bidder.userId });

    const shown = await getOrderInvoicing(f.db, f.actors.bidder, procurement1);
    expect(shown.closedReason).toBe('本订单已申请发票，正在等待开具，不能重复申请');
    expect(shown.invoices).toMatchObject([{ id: c.invoiceId, status: 'requested', medium: 'paper', invoiceType: 'special', hasDocument: false }]);
  });

  it('refuses a second request while one is live', async () => {
    const { orderId: construction1 } = await orderOnNewProject(f);
    const { orderId: procurement2 } = await orderOnNewProject(f, { type: 'procurement' });
    clock.set(AFTER_OPENINGS);
    const live = await requestInvoice(f.db, f.actors.bidder, construction1, electronicOrdinary);
    const error = await expectRefusal(requestInvoice(f.db, f.actors.bidder, construction1, paperOrdinary));
    expect(error).toMatchObject({ code: 'CONFLICT', message: '本订单已申请发票，正在等待开具，不能重复申请' });
    expect((await invoicesOf(construction1)).map((i) => i.id)).toEqual([live.invoiceId]);
    // Concurrent requests for one order: one wins, the other is told.
    const results = await Promise.allSettled([
      requestInvoice(f.db, f.actors.bidder, procurement2, electronicOrdinary),
      requestInvoice(f.db, f.actors.bidder, procurement2, paperOrdinary),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    expect(await invoicesOf(procurement2)).toHaveLength(1);
  });

  it('refuses an order that is not insured', async () => {
    const { orderId: unpaid } = await orderOnNewProject(f, { unpaid: true });
    const error = await expectRefusal(requestInvoice(f.db, f.actors.bidder, unpaid, paperOrdinary));
    expect(error).toMatchObject({ code: 'CONFLICT', message: '订单尚未支付，投保成功后方可申请发票' });
    expect((await getOrderInvoicing(f.db, f.actors.bidder, unpaid)).closedReason).toBe('订单尚未支付，投保成功后方可申请发票');
    expect(await decisionsOf(unpaid)).toEqual([]);
  });

  it('is closed to another enterprise\'s bidder and to the back office, as if the order did not exist', async () => {
    const { orderId: construction1 } = await orderOnNewProject(f);
    const karamay = await issuedOrderOnDemoProject(f, 'KLMY-JS-2026-0052');
    const { orderId: kunlunUrumqi } = await orderOnNewProject(f, { bidder: 'otherBidder' });
    expect((await expectRefusal(getOrderInvoicing(f.db, f.actors.bidder, kunlunUrumqi))).code).toBe('NOT_FOUND');
    for (const actor of [f.actors.otherBidder, f.actors.operator]) {
      expect((await expectRefusal(requestInvoice(f.db, actor, karamay.id, paperOrdinary))).code).toBe('NOT_FOUND');
      expect((await expectRefusal(getOrderInvoicing(f.db, actor, construction1))).code).toBe('NOT_FOUND');
      expect((await expectRefusal(downloadMyInvoice(f.db, actor, construction1))).code).toBe('NOT_FOUND');
    }
    expect((await expectRefusal(requestInvoice(f.db, f.actors.bidder, 'not-a-uuid', paperOrdinary))).code).toBe('NOT_FOUND');
    expect(await invoicesOf(karamay.id)).toEqual([]);
  });
});

// A database of its own: this test leaves 乌鲁木齐 on a version of its own (and the gate's case changed), which
// nothing undoes, while the tests above expect the baseline there — in whatever order they run.
describe.each(testDatabaseKinds)('invoice rules published by a region on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();
  const invoicesOf = (orderId: string) => f.db.selectFrom('invoices').selectAll().where('order_id', '=', orderId).orderBy('requested_at').execute();
  const decisionsOf = (orderId: string) =>
    f.db
      .selectFrom('rule_decisions')
      .innerJoin('rule_set_versions', 'rule_set_versions.id', 'rule_decisions.version_id')
      .select(['rule_decisions.version_id', 'rule_decisions.outcome', 'rule_set_versions.version', 'rule_set_versions.region_id'])
      .where('rule_decisions.subject_type', '=', 'order')
      .where('rule_decisions.subject_id', '=', orderId)
      .where('rule_decisions.rule_set_key', '=', 'invoice-type')
      .orderBy('rule_decisions.decided_at')
      .execute();

  it('decides by the region\'s newly published rules, and the log names the version of each decision', async () => {
    const karamay = await issuedOrderOnDemoProject(f, 'KLMY-JS-2026-0052');
    const { orderId: kunlunUrumqi } = await orderOnNewProject(f, { bidder: 'otherBidder' });
    const { orderId: construction1 } = await orderOnNewProject(f);
    clock.set(AFTER_OPENINGS);
    // An Urumqi request decided by the baseline, before the region publishes its own version.
    await requestInvoice(f.db, f.actors.bidder, construction1, paperOrdinary);
    // The platform administrator changes the gate's case first, or no region could publish the trial.
    const cases = await listRecords(f.db, f.actors.platformAdmin, ruleTestCaseResource, { sort: { field: 'name', order: 'asc' }, offset: 0, limit: 50, filter: { rule_set_key: 'invoice-type' } });
    const refusing = (cases.rows as RuleTestCaseRecord[]).find((c) => c.name === '开标后电子专用发票，拒绝')!;
    await deleteRecord(f.db, f.actors.platformAdmin, ruleTestCaseResource, refusing.id);
    await createRecord(f.db, f.actors.platformAdmin, ruleTestCaseResource, {
      rule_set_key: 'invoice-type', name: '开标后电子专用发票（试行允许）', facts: { bidOpened: true, medium: 'electronic', invoiceType: 'special' }, expected: { allowed: true },
    });
    const draft = (await createRecord(f.db, f.actors.operator, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: URUMQI, note: '试行电子专票' })) as RuleVersionRecord;
    await updateRecord(f.db, f.actors.operator, ruleVersionResource, draft.id, { document: ALLOW_ELECTRONIC_SPECIAL });
    const { version } = await publishRuleVersion(f.db, f.actors.operator, draft.id, { reason: '乌鲁木齐试行电子专用发票' });

    // Karamay still decides with the baseline; Urumqi's next request with its own version.
    const refused = await expectRefusal(requestInvoice(f.db, f.actors.bidder, karamay.id, electronicSpecial));
    expect(refused.code).toBe('RULE_REFUSED');
    const karamayChoices = (await getOrderInvoicing(f.db, f.actors.bidder, karamay.id)).choices;
    expect(karamayChoices.find((c) => c.medium === 'electronic' && c.invoiceType === 'special')?.allowed).toBe(false);
    const urumqiChoices = (await getOrderInvoicing(f.db, f.actors.otherBidder, kunlunUrumqi)).choices;
    expect(urumqiChoices.every((c) => c.allowed)).toBe(true);

    const trialOrder = kunlunUrumqi;
    const trial = await requestInvoice(f.db, f.actors.otherBidder, trialOrder, { ...electronicSpecial, title: '新疆昆仑路桥有限公司', taxNumber: '91650200MA7ABCDE1A' });
    const [invoice] = await invoicesOf(trialOrder);
    expect(invoice).toMatchObject({ id: trial.invoiceId, medium: 'electronic', invoice_type: 'special', title: '新疆昆仑路桥有限公司' });

    expect((await decisionsOf(trialOrder))[0]).toMatchObject({ version_id: version.id, version: version.version, region_id: URUMQI, outcome: { allowed: true } });
    expect((await decisionsOf(karamay.id)).at(-1)).toMatchObject({ version: 1, region_id: null, outcome: { allowed: false } });
    const earlier = await decisionsOf(construction1);
    expect(earlier).toMatchObject([{ version: 1, region_id: null, outcome: { allowed: true } }]);
    expect(earlier.map((d) => d.version_id).every((id) => id !== version.id)).toBe(true);

    // Compliance reads the same in the decision log.
    const logged = await listRecords(f.db, f.actors.compliance, ruleDecisionResource, {
      sort: { field: 'decided_at', order: 'asc' }, offset: 0, limit: 50, filter: { rule_set_key: 'invoice-type', subject_id: trialOrder },
    });
    expect((logged.rows as RuleDecisionRecord[]).map((r) => [r.version, r.region_id, r.summary])).toEqual([[version.version, URUMQI, '可开具：发票申请符合发票规则']]);
  });
});
