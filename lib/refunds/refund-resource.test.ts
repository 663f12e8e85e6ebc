import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { VALID_APPLICATION } from '@/forms/fixtures/application-submissions';
import { listRecords } from '@/lib/back-office/list-records';
import { runCommand } from '@/lib/back-office/run-command';
import { updateRecord } from '@/lib/back-office/update-record';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { submitAsSeen } from '@/lib/orders/testing/submit-as-seen';
import { listProductsForSection } from '@/lib/products/list-products-for-section';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import { recordTransfer } from '@/lib/payments/record-transfer';
import { refundResource, type RefundRecord } from './refund-resource';

const page = { sort: { field: 'due_date', order: 'asc' as const }, offset: 0, limit: 50, filter: {} };

describe.each(testDatabaseKinds)('the refunds queue on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();
  let refund: RefundRecord & { allowed_actions?: string[] };
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
    const mark = (actor: Actor, body: unknown) =>
      runCommand(f.db, actor, refundResource, refund.id, 'markRefunded', { body });
    expect(refund.allowed_actions).toEqual(['markRefunded']);
    expect((await expectRefusal(mark(f.actors.compliance, { bank_reference: 'X' }))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(mark(f.actors.otherOperator, { bank_reference: 'X' }))).code).toBe('OTHER_REGION');
    expect((await expectRefusal(mark(f.actors.operator, {}))).fieldErrors?.bank_reference).toBeDefined();
    expect((await expectRefusal(runCommand(f.db, f.actors.operator, refundResource, refund.id, 'refund', { body: {} }))).code).toBe('NOT_FOUND');
    // Marking is a command, not an edit: the generic write endpoint does not change a refund.
    expect((await expectRefusal(updateRecord(f.db, f.actors.operator, refundResource, refund.id, { bank_reference: 'PUT' }))).code).toBe('METHOD_NOT_ALLOWED');
    const done = await mark(f.actors.operator, { bank_reference: 'ICBC-20261125-0001' });
    expect(done).toMatchObject({ status: 'refunded', bank_reference: 'ICBC-20261125-0001', overdue: false, allowed_actions: [] });
    const again = await expectRefusal(mark(f.actors.operator, { bank_reference: 'again' }));
    expect([again.code, again.message]).toEqual(['CONFLICT', '该退款已标记为已退款']);
    const audit = await f.db.selectFrom('audit_events').selectAll().where('action', '=', 'refund.update').executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ status: 'refunded', bank_reference: 'ICBC-20261125-0001' });
  });
});
