import type { ProjectType } from '@/db/database';
import type { DemoFixture } from '@/db/testing/demo-fixture';
import type { Actor } from '@/lib/auth/actor';
import { createRecord } from '@/lib/back-office/create-record';
import { recordTransfer } from '@/lib/payments/record-transfer';
import { submitAsSeen } from '@/lib/orders/testing/submit-as-seen';
import { listProductsForSection } from '@/lib/products/list-products-for-section';
import { projectResource } from '@/lib/projects/project-resource';
import { sectionResource } from '@/lib/projects/section-resource';
import { now } from '@/lib/time/clock';

const DAY = 24 * 60 * 60 * 1000;
let serial = 0;

export interface IssuedOrderOptions {
  type?: ProjectType;
  /** From the enterprise's basic account, or a personal account through online banking (procurement only). */
  paidFrom?: 'basic' | 'personal';
  /** Days from now to the bid opening; the deposit deadline is a day earlier. */
  opensInDays?: number;
  bidder?: keyof Pick<DemoFixture['actors'], 'bidder' | 'otherBidder'>;
  /** Leave the order unpaid (pending_payment). */
  unpaid?: boolean;
}

/**
 * For tests: a project of its own in 乌鲁木齐市 (so changing its status touches nothing else), one section,
 * and an order of the bidder's enterprise on it, paid and insured as a bank transfer would do it.
 */
export async function issueOrder(f: DemoFixture, options: IssuedOrderOptions = {}) {
  const { type = 'construction', paidFrom = 'basic', opensInDays = 10, unpaid = false } = options;
  const bidder: Actor = f.actors[options.bidder ?? 'bidder'];
  const n = ++serial;
  const opening = new Date(now().getTime() + opensInDays * DAY);
  const project = await createRecord(f.db, f.actors.operator, projectResource, {
    region_id: '650100',
    code: `TEST-${f.kind}-${n}-${opening.getTime()}`,
    name: `测试项目 ${n}`,
    type,
    tenderer: '测试招标人',
    deposit_deadline: new Date(opening.getTime() - DAY).toISOString(),
    bid_opening_at: opening.toISOString(),
  });
  const section = await createRecord(f.db, f.actors.operator, sectionResource, {
    project_id: project.id,
    code: '01',
    name: '一标段',
    deposit_fen: 10_000_000,
  });
  const enterprise = await f.db.selectFrom('enterprises').selectAll().where('id', '=', bidder.enterpriseId!).executeTakeFirstOrThrow();
  const [product] = await listProductsForSection(f.db, bidder, String(section.id));
  const order = await submitAsSeen(f.db, bidder, {
    sectionId: String(section.id),
    productId: product!.productId,
    noticeAccepted: true,
    formData: {
      applicant: { name: enterprise.name, uscc: enterprise.uscc, legalRepresentative: enterprise.legal_representative },
      contact: { name: enterprise.contact_name, mobile: enterprise.contact_phone, email: enterprise.email },
      basicAccount: { bank: enterprise.basic_account_bank, name: enterprise.basic_account_name, number: enterprise.basic_account_number },
    },
  });
  let transferId: string | null = null;
  if (!unpaid) {
    const personal = paidFrom === 'personal';
    const paid = await recordTransfer(f.db, 'demo', 'webhook', {
      transactionId: `PAY-${f.kind}-${n}-${order.remarkCode}`,
      amountFen: order.premiumFen,
      payerName: personal ? enterprise.contact_name : enterprise.name,
      payerAccount: personal ? '6222020200112233445' : enterprise.basic_account_number,
      payerKind: personal ? 'personal' : 'enterprise',
      remark: order.remarkCode,
      bankTime: now(),
    });
    transferId = paid.transferId;
  }
  return { orderId: order.id, premiumFen: order.premiumFen, projectId: String(project.id), transferId, opening };
}
