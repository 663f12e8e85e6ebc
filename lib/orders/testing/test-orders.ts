import type { DemoFixture } from '@/testing/demo-fixture';
import type { Actor } from '@/lib/auth/actor';
import { recordTransfer } from '@/lib/payments/record-transfer';
import { renderDuePolicyDocuments } from '@/lib/policies/document-jobs/render-due-policy-documents';
import { listProductsForSection } from '@/lib/products/list-products-for-section';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import { now } from '@/lib/time/clock';
import { submitAsSeen } from './submit-as-seen';

let transactions = 0;

const enterpriseOf = (f: DemoFixture, bidder: Actor) =>
  f.db.selectFrom('enterprises').selectAll().where('id', '=', bidder.enterpriseId!).executeTakeFirstOrThrow();

/** For tests: the application form filled from the enterprise profile, as the form prefills it. */
export async function profileApplication(f: DemoFixture, bidder: Actor) {
  const e = await enterpriseOf(f, bidder);
  return {
    applicant: { name: e.name, uscc: e.uscc, legalRepresentative: e.legal_representative },
    contact: { name: e.contact_name, mobile: e.contact_phone, email: e.email },
    basicAccount: { bank: e.basic_account_bank, name: e.basic_account_name, number: e.basic_account_number },
  };
}

/** For tests: submits an application for a section the bidder may see, as the pages would. */
export async function orderOnSection(f: DemoFixture, sectionId: string, bidder: Actor = f.actors.bidder) {
  const [product] = await listProductsForSection(f.db, bidder, sectionId);
  return submitAsSeen(f.db, bidder, { sectionId, productId: product!.productId, noticeAccepted: true, formData: await profileApplication(f, bidder) });
}

/**
 * For tests: an order awaiting payment on the next section of the project (or the named section) the
 * bidder's enterprise has no live order for. Call it while the section is still open.
 */
export async function unpaidOrder(f: DemoFixture, projectCode: string, options: { bidder?: Actor; sectionName?: string } = {}) {
  const bidder = options.bidder ?? f.actors.bidder;
  const open = (await listOpenSections(f.db, bidder, { page: 1, pageSize: 50 })).rows;
  const section = open.find((s) => s.projectCode === projectCode && (!options.sectionName || s.sectionName === options.sectionName) && !s.myOrderId);
  if (!section) throw new Error(`no open section of ${projectCode} left for ${bidder.name}`);
  return orderOnSection(f, section.sectionId, bidder);
}

/** For tests: the bank reports the exact premium from the enterprise's basic account, with the remark. */
export async function payFromBasicAccount(f: DemoFixture, order: { remarkCode: string; premiumFen: number }, bidder: Actor = f.actors.bidder) {
  const enterprise = await enterpriseOf(f, bidder);
  return recordTransfer(f.db, 'demo', 'webhook', {
    transactionId: `TEST-PAY-${++transactions}-${order.remarkCode}`,
    amountFen: order.premiumFen,
    payerName: enterprise.name,
    payerAccount: enterprise.basic_account_number,
    payerKind: 'enterprise',
    remark: order.remarkCode,
    bankTime: now(),
  });
}

/**
 * For tests: as unpaidOrder (an order on the next open section of a seeded demo project), then paid from the
 * basic account, which every project type accepts, and its policy rendered. For an order on a project created
 * for the test, see orderOnNewProject.
 */
export async function issuedOrderOnDemoProject(f: DemoFixture, projectCode: string, options: { bidder?: Actor; sectionName?: string } = {}) {
  const order = await unpaidOrder(f, projectCode, options);
  await payFromBasicAccount(f, order, options.bidder);
  const { status } = await f.db.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow();
  if (status !== 'issued') throw new Error(`order ${order.orderNumber} is ${status}, not issued`);
  await renderDuePolicyDocuments(f.db);
  return order;
}
