import type { DemoFixture } from '@/db/testing/demo-fixture';
import type { Actor } from '@/lib/auth/actor';
import { submitAsSeen } from '@/lib/orders/testing/submit-as-seen';
import { recordTransfer } from '@/lib/payments/record-transfer';
import { listProductsForSection } from '@/lib/products/list-products-for-section';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import { now } from '@/lib/time/clock';

let transactions = 0;

const enterpriseOf = (f: DemoFixture, bidder: Actor) =>
  f.db.selectFrom('enterprises').selectAll().where('id', '=', bidder.enterpriseId!).executeTakeFirstOrThrow();

/**
 * For tests: an order awaiting payment on the next section of the project the bidder's enterprise has no
 * order for, its application filled from the enterprise profile. Call it while the section is still open.
 */
export async function unpaidOrder(f: DemoFixture, projectCode: string, bidder: Actor = f.actors.bidder) {
  const open = (await listOpenSections(f.db, bidder, { page: 1, pageSize: 50 })).rows;
  const section = open.find((s) => s.projectCode === projectCode && !s.myOrderId);
  if (!section) throw new Error(`no open section of ${projectCode} left for ${bidder.name}`);
  const [product] = await listProductsForSection(f.db, bidder, section.sectionId);
  const e = await enterpriseOf(f, bidder);
  const formData = {
    applicant: { name: e.name, uscc: e.uscc, legalRepresentative: e.legal_representative },
    contact: { name: e.contact_name, mobile: e.contact_phone, email: e.email },
    basicAccount: { bank: e.basic_account_bank, name: e.basic_account_name, number: e.basic_account_number },
  };
  return submitAsSeen(f.db, bidder, { sectionId: section.sectionId, productId: product!.productId, noticeAccepted: true, formData });
}

/** For tests: as unpaidOrder, then paid from the enterprise's basic account, which every project type accepts. */
export async function issuedOrder(f: DemoFixture, projectCode: string, bidder: Actor = f.actors.bidder) {
  const order = await unpaidOrder(f, projectCode, bidder);
  const enterprise = await enterpriseOf(f, bidder);
  await recordTransfer(f.db, 'demo', 'webhook', {
    transactionId: `INVOICE-TEST-${++transactions}-${order.remarkCode}`,
    amountFen: order.premiumFen,
    payerName: enterprise.name,
    payerAccount: enterprise.basic_account_number,
    payerKind: 'enterprise',
    remark: order.remarkCode,
    bankTime: now(),
  });
  const { status } = await f.db.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow();
  if (status !== 'issued') throw new Error(`order ${order.orderNumber} is ${status}, not issued`);
  return order;
}
