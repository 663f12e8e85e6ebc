import { Alert, Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import type { StatementImportRecord } from '@/lib/payments/statement/statement-import-resource';
import { allowed } from '../../_components/allowed';
import { callApi, callCommand } from '../../_components/call-api';

const POLL_MS = 800;
// A failed poll (a restart, a network blip) is tried again more slowly; the import goes on regardless.
const RETRY_MS = 3000;

/** What the import did, in one sentence per kind of outcome. */
export function StatementImportSummary({ job }: { job: StatementImportRecord }) {
  const parts = [
    job.issued && `投保成功 ${job.issued} 笔`,
    job.refunded && `已匹配但未投保（已生成退款）${job.refunded} 笔`,
    job.duplicate && `重复支付 ${job.duplicate} 笔（已生成退款）`,
    job.review && `待人工审核 ${job.review} 笔`,
    `未匹配 ${job.unmatched} 笔`,
  ].filter(Boolean);
  return (
    <Stack spacing={1}>
      <Alert severity="success" data-testid="statement-import-result">
        导入完成：{job.file_name ?? '文件'}共 {job.lines} 笔，新增 {job.imported} 笔（{parts.join('，')}），已导入过 {job.already_imported} 笔未重复记录。
      </Alert>
      {job.unmatched > 0 && <Alert severity="warning">未匹配的转账需要人工处理（按附言或金额找到对应订单，或退回付款人）。</Alert>}
      {job.review > 0 && <Alert severity="info">待人工审核的转账请在“银行转账”中通过或驳回。</Alert>}
    </Stack>
  );
}

/**
 * Follows an import while it runs: a progress bar of the lines recorded so far (已处理 x / y 行), polled
 * until the job is done or failed, then the result. A failed import can be continued from here.
 */
export function StatementImportProgress({ id, onFinished }: { id: string; onFinished?: (job: StatementImportRecord) => void }) {
  const [job, setJob] = useState<(StatementImportRecord & { allowed_actions?: string[] }) | null>(null);
  const [pollError, setPollError] = useState<string | null>(null);
  const [retryError, setRetryError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await callApi<StatementImportRecord & { allowed_actions?: string[] }>(`/api/admin/statement-imports/${encodeURIComponent(id)}`);
        if (stopped) return;
        setJob(next);
        setPollError(null);
        if (next.status === 'running') timer = setTimeout(load, POLL_MS);
        else finished.current?.(next);
      } catch (error) {
        if (stopped) return;
        setPollError((error as Error).message);
        timer = setTimeout(load, RETRY_MS);
      }
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id, round]);

  const retry = async () => {
    setRetryError(null);
    try {
      await callCommand('statement-imports', id, 'retry');
      setRound((r) => r + 1);
    } catch (error) {
      setRetryError((error as Error).message);
    }
  };

  if (!job) {
    return pollError ? <Alert severity="error">{pollError}</Alert> : <LinearProgress data-testid="statement-import-progress" />;
  }
  const percent = job.lines ? Math.round((job.processed_lines / job.lines) * 100) : 0;
  // Offered on a stopped import and on a failed one alike, to whoever may write in its region.
  const retryButton = allowed(job, 'retry') ? (
    <Button color="inherit" size="small" onClick={retry} data-testid="statement-import-retry">
      继续导入
    </Button>
  ) : undefined;
  return (
    <Stack spacing={1}>
      {job.status === 'running' && (
        <Box data-testid="statement-import-progress">
          <Typography variant="body2" sx={{ mb: 0.5 }}>
            正在导入 {job.file_name ?? ''}：已处理 {job.processed_lines.toLocaleString('zh-CN')} / {job.lines.toLocaleString('zh-CN')} 行（{percent}%），
            新增 {job.imported} 笔，已导入过 {job.already_imported} 笔。可以离开本页，导入会在后台继续。
          </Typography>
          <LinearProgress variant="determinate" value={percent} aria-label="导入进度" />
        </Box>
      )}
      {job.status === 'running' && job.stalled && (
        <Alert
          severity="warning"
          data-testid="statement-import-stalled"
          action={retryButton}
        >
          处理该导入的服务进程已停止，已记录 {job.processed_lines} / {job.lines} 行。定时任务会自动继续；也可以现在继续导入。
        </Alert>
      )}
      {job.status === 'done' && <StatementImportSummary job={job} />}
      {job.status === 'failed' && (
        <Alert
          severity="error"
          data-testid="statement-import-failed"
          action={retryButton}
        >
          导入未完成（{job.error_code ?? 'INTERNAL'}）：{job.error_message}。已记录 {job.processed_lines} / {job.lines} 行，这些行不会重复记录；
          排除原因后可继续导入剩余的行。
        </Alert>
      )}
      {pollError && <Alert severity="warning">暂时无法获取导入进度（{pollError}），正在重试…</Alert>}
      {retryError && <Alert severity="error">{retryError}</Alert>}
    </Stack>
  );
}
