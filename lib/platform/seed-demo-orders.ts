import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { loadActor } from '@/lib/auth/load-actor';
import { prepareApplication } from '@/lib/orders/prepare-application';
import { submitApplication } from '@/lib/orders/submit-application';
import { recordTransfer } from '@/lib/payments/record-transfer';
import { listProductsForSection } from '@/lib/products/list-products-for-section';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import { applyForSurrender } from '@/lib/surrenders/apply-for-surrender';
import { approveSurrender } from '@/lib/surrenders/approve-surrender';
import { now } from '@/lib/time/clock';
import { DEMO_PASSWORD } from './demo-data';
import { seedDemoReviewRegion } from './seed-demo-review-region';
import { DEMO_ORDERS_BIDDER_PHONE, demoOrdersBidderName, demoOrdersEnterprise } from './demo-orders-data';

/** The 乌鲁木齐市 operator who approves the demo surrender (an existing demo account). */
const DEMO_OPERATOR_PHONE = '13900000002';

/**
 * After the base demo data: a further demo enterprise (新疆雪莲建筑安装工程有限公司, 乌鲁木齐市) whose bidder
 * (13900000010) has orders in every state, made through the product's own use cases as the bank and the
 * operators would: 待支付, 投保成功 (its policy rendered by the policy-document job), 已取消 with a refund due
 * (a transfer of the wrong amount), and 已退保 (放弃投标 before the opening, approved, refund due); then, in the
 * demo region 昌吉回族自治州 (seed-demo-review-region.ts), 支付审核中 and 投保成功 with an issued electronic invoice.
 * All in one transaction: seeded entirely or not at all. A database that already has that bidder is left alone.
 */
export async function seedDemoOrders(db: Kysely<Database>): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('phone', '=', DEMO_ORDERS_BIDDER_PHONE).executeTakeFirst();
    if (existing) return false;
    const operator = await loadActor(trx, { phone: DEMO_OPERATOR_PHONE });
    if (!operator) return false; // not a demo database

    const enterprise = await trx.insertInto('enterprises').values(demoOrdersEnterprise).returning('id').executeTakeFirstOrThrow();
    const user = await trx
      .insertInto('users')
      .values({ phone: DEMO_ORDERS_BIDDER_PHONE, display_name: demoOrdersBidderName, password_hash: passwordHash, role: 'bidder', enterprise_id: enterprise.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('enterprises').set({ registered_by: user.id }).where('id', '=', enterprise.id).execute();
    const bidder = (await loadActor(trx, { phone: DEMO_ORDERS_BIDDER_PHONE }))!;

    const construction = 'WLMQ-JS-2026-0158';
    const procurement = 'WLMQ-CG-2026-0342';

    // 投保成功: paid from the basic account.
    const insured = await apply(trx, bidder, construction, '施工二标段');
    await pay(trx, insured, 'basic', 'ISSUED');

    // 已退保: insured, then surrendered before the opening (放弃投标) and approved; the refund is due.
    const surrendered = await apply(trx, bidder, construction, '施工一标段');
    await pay(trx, surrendered, 'basic', 'SURRENDERED');
    const surrender = await applyForSurrender(trx, bidder, surrendered.id, { reason: 'abandon_bid', note: '公司决定不参与本次投标' });
    await approveSurrender(trx, operator, surrender.id, { reason: '开标前放弃投标，材料齐全' });

    // 已取消 with a refund due: the transfer was 1 元 short, so the order is cancelled and the transfer refunded.
    const cancelled = await apply(trx, bidder, procurement, '包1：天山区、沙依巴克区');
    await pay(trx, cancelled, 'wrong-amount', 'CANCELLED');

    // 待支付: applied for, not paid yet.
    await apply(trx, bidder, procurement, '包2：新市区、水磨沟区');

    // 支付审核中 and an issued invoice, in a demo region of their own.
    await seedDemoReviewRegion(trx, bidder, passwordHash, apply);
    return true;
  });
}

interface DemoOrder { id: string; remarkCode: string; premiumFen: number }

async function apply(trx: Transaction<Database>, bidder: Actor, projectCode: string, sectionName: string): Promise<DemoOrder> {
  const open = (await listOpenSections(trx, bidder, { page: 1, pageSize: 50 })).rows;
  const section = open.find((s) => s.projectCode === projectCode && s.sectionName === sectionName);
  if (!section) throw new Error(`demo orders: section ${projectCode} ${sectionName} is not open`);
  const [product] = await listProductsForSection(trx, bidder, section.sectionId);
  if (!product) throw new Error(`demo orders: no product for ${projectCode} ${sectionName}`);
  const prepared = await prepareApplication(trx, bidder, section.sectionId, product.productId);
  const e = demoOrdersEnterprise;
  return submitApplication(trx, bidder, {
    sectionId: section.sectionId,
    productId: product.productId,
    formVersionId: prepared.form.id,
    expectedPremiumFen: prepared.product.premiumFen,
    noticeAccepted: true,
    formData: {
      applicant: { name: e.name, uscc: e.uscc, legalRepresentative: e.legal_representative },
      contact: { name: e.contact_name, mobile: e.contact_phone, email: e.email },
      basicAccount: { bank: e.basic_account_bank, name: e.basic_account_name, number: e.basic_account_number },
    },
  });
}

async function pay(trx: Transaction<Database>, order: DemoOrder, how: 'basic' | 'wrong-amount', tag: string) {
  const fromBasic = { payerName: demoOrdersEnterprise.name, payerAccount: demoOrdersEnterprise.basic_account_number, payerKind: 'enterprise' as const };
  await recordTransfer(trx, 'demo', 'webhook', {
    transactionId: `DEMO-${tag}-${order.remarkCode}`,
    amountFen: how === 'wrong-amount' ? order.premiumFen - 100 : order.premiumFen,
    ...fromBasic,
    remark: order.remarkCode,
    bankTime: now(),
  });
}
