import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { VALID_APPLICATION } from '@/forms/fixtures/application-submissions';
import { listRecords } from '@/lib/back-office/list-records';
import { updateRecord } from '@/lib/back-office/update-record';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { submitAsSeen } from '@/lib/orders/testing/submit-as-seen';
import { listProductsForSection } from '@/lib/products/list-products-for-section';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import { recordTransfer } from './record-transfer';
import { refundResource, type RefundRecord } from './refund-resource';

const page = { sort: { field: 'due_date', order: 'asc' as const }, offset: 0, limit: 50, filter: {} };

describe.each(testDatabaseKinds)('the refunds queue on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();
  let refund: RefundRecord;
  beforeAll(async () => {
    const section = (await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50 })).rows.find((s) => s.projectCode === 'WLMQ-CG-2026-0342')!;
    const [product] = await listProductsForSection(f.db, f.actors.bidder, section.sectionId);
    const order = await submitAsSeen(f.db, f.actors.bidder, { sectionId: section.sectionId, productId: product!.productId, noticeAccepted: true, formData: VALID_APPLICATION });
    await recordTransfer(f.db, 'demo', 'webhook', {
      transactionId: `R-${kind}`, amountFen: order.premiumFen - 100, payerName: '李明', payerAccount: '6222020200112233445', payerKind: 'personal', remark: order.remarkCode, bankTime: SEEDED_AT,
    });
    [refund] = (await listRecords(f.db, f.actors.operator, refundResource, page)).rows as RefundRecord[];
  });

  it('shows the refund to its region\'s operator only, with its due date', async () => {
    expect(refund).toMatchObject({ status: 'pending', due_date: '2026-12-01', overdue: false, enterprise_name: '新疆天山建设工程有限公司' });
    expect((await listRecords(f.db, f.actors.otherOperator, refundResource, page)).total).toBe(0);
  });

  it('flags a refund not paid by its due date', async () => {
    clock.set('2026-12-02T02:00:00Z');
    const [late] = (await listRecords(f.db, f.actors.operator, refundResource, page)).rows as RefundRecord[];
    expect(late!.overdue).toBe(true);
    clock.set(SEEDED_AT);
  });

  it('is marked refunded once, with the bank reference, by an operator and never by compliance', async () => {
    expect((await expectRefusal(updateRecord(f.db, f.actors.compliance, refundResource, refund.id, { bank_reference: 'X' }))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(updateRecord(f.db, f.actors.operator, refundResource, refund.id, {}))).fieldErrors?.bank_reference).toBeDefined();
    const done = (await updateRecord(f.db, f.actors.operator, refundResource, refund.id, { bank_reference: 'ICBC-20261125-0001' })) as RefundRecord;
    expect(done).toMatchObject({ status: 'refunded', bank_reference: 'ICBC-20261125-0001', overdue: false });
    expect((await expectRefusal(updateRecord(f.db, f.actors.operator, refundResource, refund.id, { bank_reference: 'again' }))).code).toBe('CONFLICT');
    const audit = await f.db.selectFrom('audit_events').selectAll().where('action', '=', 'refund.update').executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ status: 'refunded', bank_reference: 'ICBC-20261125-0001' });
  });
});
