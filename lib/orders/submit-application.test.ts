import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { VALID_APPLICATION } from '@/forms/fixtures/application-submissions';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { listProductsForSection } from '@/lib/products/list-products-for-section';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import { getMyOrder } from './get-my-order';
import { listMyOrders } from './list-my-orders';
import { submitAsSeen } from '@/lib/orders/testing/submit-as-seen';

describe.each(testDatabaseKinds)('submitting an application on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  let sectionId: string;
  let constructionSection: string;
  // The bidder's one order on 施工一标段, made before the tests: the tests that read it or apply again for the
  // section do not depend on which of them runs first.
  let firstOrder: Awaited<ReturnType<typeof submitAsSeen>>;
  beforeAll(async () => {
    const open = (await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50 })).rows;
    // 第十二中学 一标段: construction, ¥800,000.00 deposit, 乌鲁木齐市.
    constructionSection = open.find((s) => s.projectCode === 'WLMQ-JS-2026-0158' && s.sectionName === '施工一标段')!.sectionId;
    sectionId = open.find((s) => s.projectCode === 'WLMQ-CG-2026-0342')!.sectionId;
    const product = (await listProductsForSection(f.db, f.actors.bidder, constructionSection))[0]!;
    firstOrder = await submitAsSeen(f.db, f.actors.bidder, {
      sectionId: constructionSection, productId: product.productId, noticeAccepted: true, formData: VALID_APPLICATION,
    });
  });

  it('offers the region\'s products that cover the project type, each with its premium', async () => {
    const products = await listProductsForSection(f.db, f.actors.bidder, constructionSection);
    expect(products.map((p) => [p.insurerName, p.productName, p.premiumFen])).toEqual([
      ['中国人民财产保险股份有限公司乌鲁木齐市分公司', '投标保证保险（建设工程）', 120_000],
      ['中国太平洋财产保险股份有限公司新疆分公司', '太平洋投标保证保险', 160_000],
      ['中国平安财产保险股份有限公司新疆分公司', '平安投标保证保险', 144_000],
    ]);
  });

  it('creates an order awaiting payment, with its number, remark code and first timeline entry', async () => {
    const order = firstOrder;
    expect(order.orderNumber).toMatch(/^BH20261124\d{8}$/);
    expect(order.remarkCode).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{8}$/);
    expect(order.premiumFen).toBe(120_000);
    const listed = (await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50 })).rows;
    expect(listed.find((s) => s.sectionId === constructionSection)?.myOrderId).toBe(order.id);
    expect((await listOpenSections(f.db, f.actors.otherBidder, { page: 1, pageSize: 50 })).rows.every((s) => s.myOrderId === null)).toBe(true);
    const detail = await getMyOrder(f.db, f.actors.bidder, order.id);
    expect(detail).toMatchObject({ status: 'pending_payment', premiumFen: 120_000, depositFen: 80_000_000, projectType: 'construction', basicAccountNumber: '3002012309024567812' });
    expect(detail.events.map((e) => [e.fromStatus, e.toStatus])).toEqual([[null, 'pending_payment']]);
  });

  it('refuses a second live application for the same section, naming the existing order', async () => {
    const product = (await listProductsForSection(f.db, f.actors.bidder, constructionSection))[1]!;
    const error = await expectRefusal(
      submitAsSeen(f.db, f.actors.bidder, { sectionId: constructionSection, productId: product.productId, noticeAccepted: true, formData: VALID_APPLICATION }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/订单号 BH\d+/);
  });

  it('refuses invalid form data field by field and writes nothing', async () => {
    const before = (await listMyOrders(f.db, f.actors.bidder, { page: 1, pageSize: 10 })).total;
    const product = (await listProductsForSection(f.db, f.actors.bidder, sectionId))[0]!;
    const error = await expectRefusal(
      submitAsSeen(f.db, f.actors.bidder, {
        sectionId, productId: product.productId, noticeAccepted: true,
        formData: { ...VALID_APPLICATION, applicant: { ...VALID_APPLICATION.applicant, uscc: '91650100712345678H' } },
      }),
    );
    expect(error.fieldErrors).toEqual({ 'applicant.uscc': expect.stringContaining('统一社会信用代码无效') });
    expect((await listMyOrders(f.db, f.actors.bidder, { page: 1, pageSize: 10 })).total).toBe(before);
  });

  it('refuses without the notice confirmed, or with a product of another region', async () => {
    const product = (await listProductsForSection(f.db, f.actors.bidder, sectionId))[0]!;
    const noNotice = await expectRefusal(submitAsSeen(f.db, f.actors.bidder, { sectionId, productId: product.productId, noticeAccepted: false, formData: VALID_APPLICATION }));
    expect(noNotice.fieldErrors?.noticeAccepted).toBe('请先阅读并确认投保须知');
    const karamayProduct = await f.db.selectFrom('products').innerJoin('insurers', 'insurers.id', 'products.insurer_id').where('insurers.region_id', '=', '650200').select('products.id').executeTakeFirstOrThrow();
    const wrong = await expectRefusal(submitAsSeen(f.db, f.actors.bidder, { sectionId, productId: karamayProduct.id, noticeAccepted: true, formData: VALID_APPLICATION }));
    expect(wrong.fieldErrors?.productId).toBeDefined();
  });

  it('applies only in the bidder\'s own enterprise\'s name and basic account', async () => {
    const product = (await listProductsForSection(f.db, f.actors.bidder, sectionId))[0]!;
    const other = { ...VALID_APPLICATION, applicant: { ...VALID_APPLICATION.applicant, name: '新疆昆仑路桥有限公司', uscc: '91650200MA7ABCDE1A' }, basicAccount: { ...VALID_APPLICATION.basicAccount, number: '65050164620100001234' } };
    const error = await expectRefusal(submitAsSeen(f.db, f.actors.bidder, { sectionId, productId: product.productId, noticeAccepted: true, formData: other }));
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['applicant.name', 'applicant.uscc', 'basicAccount.number']);
  });

  it('refuses data outside the form and oversized submissions', async () => {
    const product = (await listProductsForSection(f.db, f.actors.bidder, sectionId))[0]!;
    const extra = await expectRefusal(submitAsSeen(f.db, f.actors.bidder, { sectionId, productId: product.productId, noticeAccepted: true, formData: { ...VALID_APPLICATION, junk: 'x' } }));
    expect(extra.code).toBe('VALIDATION_FAILED');
    const huge = await expectRefusal(submitAsSeen(f.db, f.actors.bidder, { sectionId, productId: product.productId, noticeAccepted: true, formData: { ...VALID_APPLICATION, contact: { ...VALID_APPLICATION.contact, name: '王'.repeat(20_000) } } }));
    expect(huge.message).toContain('过大');
  });

  it('refuses a confirmation made on a form version or premium that has changed since', async () => {
    const product = (await listProductsForSection(f.db, f.actors.bidder, sectionId))[0]!;
    const stale = await expectRefusal(submitAsSeen(f.db, f.actors.bidder, { sectionId, productId: product.productId, noticeAccepted: true, formData: VALID_APPLICATION, expectedPremiumFen: product.premiumFen + 1 }));
    expect(stale).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('表单或保费已更新') });
  });

  it('tells every one of several simultaneous applications which order won', async () => {
    const open = (await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50 })).rows.filter((s) => !s.myOrderId);
    const target = open.find((s) => s.projectCode === 'KLMY-JS-2026-0052')!;
    const product = (await listProductsForSection(f.db, f.actors.bidder, target.sectionId))[0]!;
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => submitAsSeen(f.db, f.actors.bidder, { sectionId: target.sectionId, productId: product.productId, noticeAccepted: true, formData: VALID_APPLICATION })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const number = (won[0] as PromiseFulfilledResult<{ orderNumber: string }>).value.orderNumber;
    for (const lost of results.filter((r) => r.status === 'rejected')) {
      expect((lost as PromiseRejectedResult).reason.message).toContain(number);
    }
  });

  it('refuses sections that are closed or anomalous', async () => {
    const suspended = await f.db.selectFrom('sections').innerJoin('projects', 'projects.id', 'sections.project_id').where('projects.status', '=', 'suspended').select('sections.id').executeTakeFirstOrThrow();
    const product = (await listProductsForSection(f.db, f.actors.bidder, sectionId))[0]!;
    expect((await expectRefusal(submitAsSeen(f.db, f.actors.bidder, { sectionId: suspended.id, productId: product.productId, noticeAccepted: true, formData: VALID_APPLICATION }))).code).toBe('NOT_FOUND');
  });

  it('keeps each enterprise\'s orders to itself', async () => {
    const mine = await listMyOrders(f.db, f.actors.bidder, { page: 1, pageSize: 10 });
    expect(mine.rows.map((o) => o.id)).toContain(firstOrder.id);
    expect((await listMyOrders(f.db, f.actors.otherBidder, { page: 1, pageSize: 10 })).total).toBe(0);
    await expect(getMyOrder(f.db, f.actors.otherBidder, mine.rows[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listMyOrders(f.db, f.actors.operator, { page: 1, pageSize: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
