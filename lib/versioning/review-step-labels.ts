import type { VersionReviewStep } from '@/db/database';

/** One step of a version's review history, as its read model carries it. */
export interface ReviewHistoryEntry {
  step: VersionReviewStep;
  actor_name: string;
  comment: string;
  at: Date;
}

/** The steps of a version's review (审核记录), as the back office names them. */
export const REVIEW_STEP_LABELS: Record<VersionReviewStep, string> = {
  submit: '提交审核',
  approve: '审核通过并发布',
  reject: '驳回',
  edit_returned: '提交后被修改，退回草稿',
};
