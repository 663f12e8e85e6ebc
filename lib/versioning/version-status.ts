import type { RuleVersionStatus } from '@/db/database';

/** The states of a rule version or a form version, as the back office names them. */
export const VERSION_STATUS_LABELS: Record<RuleVersionStatus, string> = {
  draft: '草稿',
  in_review: '待审核',
  scheduled: '待生效',
  published: '已发布',
  archived: '已归档',
};
