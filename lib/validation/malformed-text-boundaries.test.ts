import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import type { Actor } from '@/lib/auth/actor';
import { createRecord } from '@/lib/back-office/create-record';
import { parseListParams } from '@/lib/back-office/list-params';
import { updateRecord } from '@/lib/back-office/update-record';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { insurerResource } from '@/lib/insurers/insurer-resource';
import { profileApplication } from '@/lib/orders/testing/test-orders';
import { previewStatementImport } from '@/lib/payments/statement/preview-statement-import';
import { prepareApplication } from '@/lib/orders/prepare-application';
import { listProductsForSection } from '@/lib/products/list-products-for-section';
import { projectResource } from '@/lib/projects/project-resource';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import { applyForSurrender } from '@/lib/surrenders/apply-for-surrender';
import { orderOnNewProject } from '@/lib/orders/testing/order-on-new-project';

// The server actions run as the pages call them, with the session and the database of this test.
const session = vi.hoisted(() => ({ db: null as unknown, actor: null as unknown }));
vi.mock('@/lib/database', () => ({ getDb: async () => session.db }));
vi.mock('@/lib/auth/current-actor', () => ({
  currentActor: async () => session.actor,
  requireActor: async () => session.actor,
}));
const orderActions = await import('@/app/orders/[id]/actions');
const applyActions = await import('@/app/apply/[sectionId]/actions');

const LONE = '\ud800';
const REFUSAL = { ok: false, code: 'VALIDATION_FAILED', message: '提交的信息有误：包含无法识别的字符（不成对的代理项）' };

const TABLES = [
  'audit_events', 'project_events', 'surrenders', 'orders', 'order_events', 'payment_tickets', 'invoices', 'insurers', 'rule_decisions',
] as const;

/** Row counts of every table a refused write could have touched. */
async function snapshot(db: Kysely<Database>) {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    counts[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  }
  return counts;
}

describe.each(testDatabaseKinds)('text with a lone surrogate is refused at every boundary on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  let insured: Awaited<ReturnType<typeof orderOnNewProject>>;
  const as = (actor: Actor) => {
    session.actor = actor;
  };

  beforeAll(async () => {
    session.db = f.db;
    insured = await orderOnNewProject(f);
  });

  /** Runs a refused call and checks that nothing changed and the chain still verifies. */
  async function refusedWithoutChange(call: () => Promise<unknown>) {
    const before = await snapshot(f.db);
    const outcome = await call();
    expect(await snapshot(f.db)).toEqual(before);
    expect((await verifyAuditChain(f.db)).ok).toBe(true);
    return outcome;
  }

  it('a surrender note (server action 【申请退保】, and the use case itself)', async () => {
    as(f.actors.bidder);
    expect(await refusedWithoutChange(() => orderActions.requestSurrender(insured.orderId, { reason: 'abandon_bid', note: `公司决定不参与${LONE}` }))).toMatchObject(REFUSAL);
    const error = await refusedWithoutChange(() => expectRefusal(applyForSurrender(f.db, f.actors.bidder, insured.orderId, { reason: 'abandon_bid', note: `\udc00` })));
    expect((error as { fieldErrors?: object }).fieldErrors).toEqual({ note: '包含无法识别的字符（不成对的代理项）' });
    const { status } = await f.db.selectFrom('orders').select('status').where('id', '=', insured.orderId).executeTakeFirstOrThrow();
    expect(status).toBe('issued');
  });

  it('a project-status reason (back office)', async () => {
    const error = await refusedWithoutChange(() =>
      expectRefusal(updateRecord(f.db, f.actors.operator, projectResource, insured.projectId, { status: 'suspended', reason: `暂停${LONE}` })),
    );
    expect((error as { code: string }).code).toBe('VALIDATION_FAILED');
    const project = await f.db.selectFrom('projects').select('status').where('id', '=', insured.projectId).executeTakeFirstOrThrow();
    expect(project.status).toBe('normal');
  });

  it('a back-office record, in a value or in a key', async () => {
    const insurer = {
      region_id: '650100', name: `保险公司${LONE}`, receiving_account_name: '收款', receiving_account_bank: '银行',
      receiving_account_number: '6217000011112222', contact_phone: '0991-7654321',
    };
    await refusedWithoutChange(() => expectRefusal(createRecord(f.db, f.actors.operator, insurerResource, insurer)));
    await refusedWithoutChange(() =>
      expectRefusal(createRecord(f.db, f.actors.operator, insurerResource, { ...insurer, name: '正常名称', [`x${LONE}`]: 1 })),
    );
  });

  it('a payment-problem ticket and an invoice request (server actions)', async () => {
    as(f.actors.bidder);
    expect(await refusedWithoutChange(() => orderActions.reportPaymentProblem(insured.orderId, { kind: 'paid_not_issued', message: `已付款${LONE}` }))).toMatchObject(REFUSAL);
    expect(
      await refusedWithoutChange(() =>
        orderActions.applyForInvoice(insured.orderId, { medium: 'electronic', invoiceType: 'ordinary', title: `新疆天山${LONE}`, taxNumber: '91650100MA77XXXX0X' }),
      ),
    ).toMatchObject(REFUSAL);
  });

  it('an application\'s form data (server action 【确认并支付】)', async () => {
    as(f.actors.bidder);
    const open = (await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50 })).rows.find((s) => !s.myOrderId)!;
    const [product] = await listProductsForSection(f.db, f.actors.bidder, open.sectionId);
    const seen = await prepareApplication(f.db, f.actors.bidder, open.sectionId, product!.productId);
    const formData = await profileApplication(f, f.actors.bidder);
    formData.contact.name = `李明${LONE}`;
    const input = { sectionId: open.sectionId, productId: product!.productId, noticeAccepted: true, formData, formVersionId: seen.form.id, expectedPremiumFen: seen.product.premiumFen };
    expect(await refusedWithoutChange(() => applyActions.confirmApplication(input))).toMatchObject(REFUSAL);
  });

  it('a back-office list filter', () => {
    expect(() => parseListParams(new URLSearchParams({ filter: JSON.stringify({ q: `名称${LONE}` }) }), 'id')).toThrow(/不成对的代理项/);
  });

  it('a statement file line holding U+0000, which no column can store', async () => {
    const csv = new TextEncoder().encode(
      ['交易流水号,交易时间,金额（元）,付款人名称,付款人账号,付款人类型,附言', 'N-001,2026-11-24 09:30:00,100.00,张\u0000三,6222020200112233445,个人,货款'].join('\r\n'),
    );
    const preview = await refusedWithoutChange(() => previewStatementImport(f.db, f.actors.operator, { bankCode: 'demo', csv }));
    expect((preview as { lines: { state: string; errors: string[] }[] }).lines[0]).toMatchObject({
      state: 'error',
      errors: ['付款人名称：包含无法保存的空字符（U+0000）'],
    });
  });
});
