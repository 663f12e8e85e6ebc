import type { OutboxAttemptOutcome, OutboxKind } from '@/db/database';

export const OUTBOX_KIND_LABELS: Record<OutboxKind, string> = {
  email: '邮件',
  platform_callback: '交易平台回调',
};

/** An attempt with no outcome is one whose worker stopped before it could say (its lease ran out). */
export const OUTBOX_ATTEMPT_OUTCOME_LABELS: Record<OutboxAttemptOutcome | 'interrupted', string> = {
  delivered: '成功',
  failed: '失败',
  interrupted: '中断（未记录结果）',
};
