import type { ProjectType } from '@/db/database';
import type { DemoFixture } from '@/testing/demo-fixture';
import type { Actor } from '@/lib/auth/actor';
import { createRecord } from '@/lib/back-office/create-record';
import { recordTransfer } from '@/lib/payments/record-transfer';
import { orderOnSection, payFromBasicAccount } from './test-orders';
import { projectResource } from '@/lib/projects/project-resource';
import { sectionResource } from '@/lib/sections/section-resource';
import { now } from '@/lib/time/clock';

const DAY = 24 * 60 * 60 * 1000;
let serial = 0;

export interface NewProjectOrderOptions {
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
 * For tests: a new project of its own in 乌鲁木齐市 (so changing its status touches nothing else), one
 * section, and an order of the bidder's enterprise on it, paid and insured as a bank transfer would do it
 * (unless `unpaid`). For an order on a seeded demo project, see issuedOrderOnDemoProject in test-orders.ts.
 */
export async function orderOnNewProject(f: DemoFixture, options: NewProjectOrderOptions = {}) {
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
  const order = await orderOnSection(f, String(section.id), bidder);
  let transferId: string | null = null;
  if (!unpaid && paidFrom === 'basic') transferId = (await payFromBasicAccount(f, order, bidder)).transferId;
  if (!unpaid && paidFrom === 'personal') {
    const enterprise = await f.db.selectFrom('enterprises').select('contact_name').where('id', '=', bidder.enterpriseId!).executeTakeFirstOrThrow();
    const paid = await recordTransfer(f.db, 'demo', 'webhook', {
      transactionId: `PAY-${f.kind}-${n}-${order.remarkCode}`,
      amountFen: order.premiumFen,
      payerName: enterprise.contact_name,
      payerAccount: '6222020200112233445',
      payerKind: 'personal',
      remark: order.remarkCode,
      bankTime: now(),
    });
    transferId = paid.transferId;
  }
  return { orderId: order.id, premiumFen: order.premiumFen, projectId: String(project.id), transferId, opening };
}
