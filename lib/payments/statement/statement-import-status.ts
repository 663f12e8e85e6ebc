import type { StatementImportStatus } from '@/db/database';

/** The states of a statement import, as the back office names them. */
export const STATEMENT_IMPORT_STATUS_LABELS: Record<StatementImportStatus, string> = {
  running: '导入中',
  done: '已完成',
  failed: '未完成',
};
