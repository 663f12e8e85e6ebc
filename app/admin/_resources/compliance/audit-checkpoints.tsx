import { Alert, Box, Button as MuiButton, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { Datagrid, FunctionField, List, TextField, TopToolbar, useRecordContext } from 'react-admin';
import type { CheckpointReport } from '@/lib/audit/audit-checkpoint';
import type { AuditCheckpointRecord } from '@/lib/audit/audit-checkpoint-resource';
import { ActionDialogButton } from '../../_components/action-dialog-button';
import { allowed } from '../../_components/allowed';
import { callApi } from '../../_components/call-api';
import { InstantField } from '../../_components/fields';
import { ComplianceReportPanel } from './compliance-report-panel';

type Shown = { report: CheckpointReport; source: string } | { error: string; source: string } | null;

/** The result of the last 校验, kept above the list so it stays readable. */
function VerifyResult({ shown }: { shown: Shown }) {
  if (!shown) return null;
  if ('error' in shown) return <Alert severity="error" role="alert" sx={{ mx: 2, mt: 1 }}>{shown.source}：{shown.error}</Alert>;
  return (
    <Alert severity={shown.report.ok ? 'success' : 'error'} role="status" sx={{ mx: 2, mt: 1 }} data-testid="checkpoint-verify-result">
      {shown.source}：{shown.report.ok ? '校验通过。' : '校验未通过。'}{shown.report.message}
    </Alert>
  );
}

async function verify(checkpoint: unknown, source: string, show: (s: Shown) => void) {
  try {
    show({ report: await callApi<CheckpointReport>('/api/admin/audit-chain/verify-checkpoint', { method: 'POST', body: checkpoint }), source });
  } catch (e) {
    show({ error: (e as Error).message, source });
  }
}

/** 校验 one kept checkpoint: its signed file is fetched as compliance would download it, and the chain checked against it. */
function VerifyRowButton({ show }: { show: (s: Shown) => void }) {
  const record = useRecordContext<AuditCheckpointRecord & { allowed_actions?: string[] }>();
  if (!record || !allowed(record, 'verify')) return null;
  const run = async () => {
    const source = `检查点 #${record.id}（第 ${record.chain_row_id} 条）`;
    // A refused download (403, 404) shows its own message, not 检查点格式无效 for the error's body.
    let checkpoint: unknown;
    try {
      checkpoint = await callApi<unknown>(`/api/admin/audit-chain/checkpoint/${record.id}`);
    } catch (e) {
      return show({ error: (e as Error).message, source });
    }
    await verify(checkpoint, source, show);
  };
  return <MuiButton size="small" onClick={run}>校验</MuiButton>;
}

function DownloadRowButton() {
  const record = useRecordContext<AuditCheckpointRecord & { allowed_actions?: string[] }>();
  if (!record || !allowed(record, 'download')) return null;
  return <MuiButton size="small" href={`/api/admin/audit-chain/checkpoint/${record.id}`} download>下载</MuiButton>;
}

/** 校验 against a checkpoint file kept outside the system (the one compliance downloaded earlier). */
function VerifyFileButton({ show }: { show: (s: Shown) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const chosen = async (file: File | undefined) => {
    if (!file) return;
    let checkpoint: unknown;
    try {
      checkpoint = JSON.parse(await file.text());
    } catch {
      show({ error: '文件不是检查点文件（JSON）', source: file.name });
      return;
    }
    await verify(checkpoint, file.name, show);
    if (input.current) input.current.value = '';
  };
  return (
    <>
      <input ref={input} type="file" accept="application/json,.json" hidden data-testid="checkpoint-file" onChange={(e) => chosen(e.target.files?.[0])} />
      <MuiButton variant="outlined" onClick={() => input.current?.click()}>用检查点文件校验</MuiButton>
    </>
  );
}

/**
 * 合规报告 and the audit chain's checkpoints: the report for a period and region, and the signed checkpoints
 * of the chain's head (daily and on demand), each downloadable and checkable against the chain as it is now.
 */
export function CompliancePage() {
  const [shown, setShown] = useState<Shown>(null);
  return (
    <Box>
      <ComplianceReportPanel />
      <Typography variant="h6" sx={{ mt: 1 }}>审计链检查点</Typography>
      <Typography variant="body2" color="text.secondary">
        检查点是对审计链末端（行号、哈希、时间）的签名。请下载并在系统之外保存；日后用它校验，可发现被删除的末尾记录。
      </Typography>
      <List resource="audit-checkpoints" title="合规报告" sort={{ field: 'id', order: 'DESC' }} exporter={false} empty={false} disableSyncWithLocation
        actions={(
          <TopToolbar>
            <ActionDialogButton label="生成检查点" title="生成审计链检查点" confirmLabel="生成"
              description="将先校验整条审计链，再对链的最后一条记录签名并保存为检查点。生成后请下载检查点文件，保存在系统之外。"
              fields={[]} url="/api/admin/audit-chain/checkpoint" done="已生成检查点" />
            <VerifyFileButton show={setShown} />
          </TopToolbar>
        )}>
        <VerifyResult shown={shown} />
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography sx={{ p: 2 }} color="text.secondary">尚无检查点：每日自动生成一次，也可点击“生成检查点”。</Typography>}>
          <TextField source="id" />
          <InstantField source="taken_at" />
          <TextField source="chain_row_id" sortable={false} />
          <TextField source="chain_rows" sortable={false} />
          <FunctionField source="chain_hash" sortable={false} render={(r: AuditCheckpointRecord) => `${r.chain_hash.slice(0, 16)}…`} />
          <DownloadRowButton />
          <VerifyRowButton show={setShown} />
        </Datagrid>
      </List>
    </Box>
  );
}
