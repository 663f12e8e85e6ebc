import type { SurrenderBidderReason, SurrenderStatus } from '@/db/database';
import { NO_SURRENDER_CLAUSE, SURRENDER_ELIGIBILITY_CATALOG } from '@/rules/catalog/surrender-eligibility';

export const SURRENDER_STATUS_LABELS: Record<SurrenderStatus, string> = {
  awaiting_account: '待完善退保账户',
  submitted: '待审核',
  approved: '已通过',
  rejected: '已驳回',
};

export const SURRENDER_REASON_LABELS: Record<SurrenderBidderReason, string> = {
  abandon_bid: '放弃投标',
  project_anomaly: '项目异常',
};

const CLAUSES = [...SURRENDER_ELIGIBILITY_CATALOG.outcomes[0].params[0].values, NO_SURRENDER_CLAUSE];

/** "第二条：开标前项目发生流标、终止", the wording the catalog gives the clause a surrender rests on. */
export function describeClause(clause: number): string {
  const found = CLAUSES.find((c) => c.value === clause);
  return found ? `${found.label}：${found.description}` : `第 ${clause} 条`;
}
