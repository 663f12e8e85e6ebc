import type { Kysely, Transaction } from 'kysely';
import type { Database, OrderStatus, ProjectStatus, SurrenderBidderReason } from '@/db/database';
import { selectOrdersWithParties } from '@/lib/orders/order-join';
import { PROJECT_STATUS_LABELS } from '@/lib/projects/project-labels';
import { now } from '@/lib/time/clock';
import { findPayingTransfer, paidByOnlineBanking } from './find-paying-transfer';
import { SURRENDER_REASON_LABELS } from './surrender-labels';

export interface SurrenderFacts {
  bidOpened: boolean;
  projectStatus: ProjectStatus;
  applicantAbandons: boolean;
  paidByOnlineBanking: boolean;
}

export interface SurrenderSituation {
  orderId: string;
  orderStatus: OrderStatus;
  regionId: string;
  /** The transfer that paid the order, if any: where its refund goes back to. */
  hasPayingTransfer: boolean;
  /** The facts the surrender rules decide on, for each reason the bidder may give. */
  factsFor(reason: SurrenderBidderReason): SurrenderFacts;
}

/**
 * What the surrender rules are asked about an order (the caller has checked it is the reader's): the same for
 * 【申请退保】 and for the preview the bidder reads before confirming.
 */
export async function readSurrenderSituation(db: Kysely<Database> | Transaction<Database>, orderId: string): Promise<SurrenderSituation> {
  const order = await selectOrdersWithParties(db)
    .where('orders.id', '=', orderId)
    .select([
      'orders.id', 'orders.status', 'projects.status as projectStatus', 'projects.bid_opening_at as bidOpeningAt',
      'projects.region_id as regionId', 'enterprises.basic_account_number as basicAccount',
    ])
    .executeTakeFirstOrThrow();
  const transfer = await findPayingTransfer(db, order.id);
  const base = {
    bidOpened: now() >= order.bidOpeningAt,
    projectStatus: order.projectStatus,
    paidByOnlineBanking: paidByOnlineBanking(transfer, order.basicAccount),
  };
  return {
    orderId: order.id,
    orderStatus: order.status,
    regionId: order.regionId,
    hasPayingTransfer: Boolean(transfer),
    factsFor: (reason) => ({ ...base, applicantAbandons: reason === 'abandon_bid' }),
  };
}

/** The facts a refusal rests on, in the bidder's words. */
export function describeSurrenderBasis(facts: SurrenderFacts, reason: SurrenderBidderReason): string {
  return [
    `项目状态「${PROJECT_STATUS_LABELS[facts.projectStatus]}」`,
    facts.bidOpened ? '已开标' : '尚未开标',
    `退保原因「${SURRENDER_REASON_LABELS[reason]}」`,
  ].join('，');
}
