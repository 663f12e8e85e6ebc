import type { ProjectStatus, ProjectType } from '@/db/database';

export const PROJECT_TYPE_LABELS: Record<ProjectType, string> = {
  construction: '建设工程',
  procurement: '政府采购',
};

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  normal: '正常',
  suspended: '中止',
  paused: '暂停',
  failed: '流标',
  terminated: '终止',
};
