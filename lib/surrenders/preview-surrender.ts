import type { Kysely } from 'kysely';
import type { Database, SurrenderBidderReason } from '@/db/database';
import { decide } from '@/lib/rules/decide';
import { summarizeOutcome } from '@/rules/explain-decision';
import { describeSurrenderBasis, readSurrenderSituation } from './surrender-facts';
import { describeClause } from './surrender-labels';

export interface SurrenderPreview {
  eligible: boolean;
  /** What the rules say now, in the bidder's words: the clause it rests on, or why not and on what facts. */
  explanation: string;
}

const REASONS: readonly SurrenderBidderReason[] = ['abandon_bid', 'project_anomaly'];

/**
 * Before the bidder confirms 【申请退保】: what the project region's surrender rules say now, for each reason
 * the bidder may give. Asked without logging — only an application is a decision compliance reads — so it
 * may differ from the answer at confirmation only if the rules or the project change in between.
 * The caller has checked the order is the reader's and may be surrendered.
 */
export async function previewSurrender(db: Kysely<Database>, orderId: string): Promise<Record<SurrenderBidderReason, SurrenderPreview>> {
  const situation = await readSurrenderSituation(db, orderId);
  const entries = await Promise.all(
    REASONS.map(async (reason) => {
      const facts = situation.factsFor(reason);
      const { outcome } = await decide(db, 'surrender-eligibility', facts, { region: situation.regionId });
      const explanation = outcome.eligible
        ? `按当前退保规则可以申请，依据${describeClause(outcome.clause)}`
        : `${summarizeOutcome('surrender-eligibility', outcome)}。判定依据：${describeSurrenderBasis(facts, reason)}`;
      return [reason, { eligible: outcome.eligible, explanation }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<SurrenderBidderReason, SurrenderPreview>;
}
