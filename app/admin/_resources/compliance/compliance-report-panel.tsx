import { Alert, Box, Button as MuiButton, Card, CardContent, CardHeader, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import type { ComplianceReport } from '@/lib/audit/compliance-report';
import { formatDateTime } from '@/lib/time/format';
import { fromBeijingWallClock, toBeijingWallClock } from '@/lib/time/beijing-wall-clock';
import { callApi } from '../../_components/call-api';

/** The report as the summary endpoint sends it: times as ISO text. */
type ReportJson = Omit<ComplianceReport, 'changes' | 'period'> & {
  period: Omit<ComplianceReport['period'], 'from' | 'to'> & { from: string; to: string };
  changes: (Omit<ComplianceReport['changes'][number], 'at'> & { at: string })[];
};

const DAY = 86_400_000;

/** The decisions per rule set, one bar per outcome as the decision log words it. */
function DecisionChart({ decisions }: { decisions: ReportJson['decisions'] }) {
  if (!decisions.length) return <Typography color="text.secondary">本期间内没有规则决策。</Typography>;
  return (
    <BarChart skipAnimation height={Math.max(160, 48 * decisions.length + 60)} layout="horizontal"
      yAxis={[{ scaleType: 'band', data: decisions.map((d) => `${d.rule_set} · ${d.outcome}`), width: 360 }]}
      xAxis={[{ tickMinStep: 1 }]} series={[{ data: decisions.map((d) => d.count), label: '决策次数' }]} />
  );
}

/**
 * 合规报告: a period and a region → every rule and form change (who, when, why, approver, what changed)
 * and the decisions per rule set and outcome, on screen and as CSV or PDF to download.
 */
export function ComplianceReportPanel() {
  const { data: regions = [] } = useGetList<{ id: string; name: string }>('regions', { pagination: { page: 1, perPage: 200 }, sort: { field: 'id', order: 'ASC' } });
  const [from, setFrom] = useState(() => toBeijingWallClock(new Date(Date.now() - 30 * DAY)));
  const [to, setTo] = useState(() => toBeijingWallClock(new Date(Date.now() + DAY)));
  const [region, setRegion] = useState('');
  const [report, setReport] = useState<ReportJson | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const query = new URLSearchParams({ from: fromBeijingWallClock(from) ?? from, to: fromBeijingWallClock(to) ?? to, region_id: region });
  const show = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await callApi<ReportJson>(`/api/admin/compliance-report/summary?${query}`));
    } catch (e) {
      setReport(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const total = report?.decisions.reduce((sum, d) => sum + d.count, 0) ?? 0;

  return (
    <Card sx={{ mb: 2 }}>
      <CardHeader title="合规报告" subheader="期间内的每一次规则和表单变更（谁、何时、为什么、审核人、改了什么）及按规则集和结果的决策统计" />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center' }} useFlexGap>
          <TextField label="开始时间（北京时间）" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} size="small" fullWidth={false} sx={{ width: 240 }} />
          <TextField label="结束时间（北京时间）" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} size="small" fullWidth={false} sx={{ width: 240 }} />
          <TextField select label="区域" value={region} onChange={(e) => setRegion(e.target.value)} size="small" fullWidth={false} sx={{ width: 200 }}
            slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}>
            <MenuItem value="">全部区域</MenuItem>
            {regions.map((r) => <MenuItem key={r.id} value={r.id}>{r.name}</MenuItem>)}
          </TextField>
          <MuiButton variant="contained" onClick={show} disabled={busy}>{busy ? '查询中…' : '查看报告'}</MuiButton>
          <MuiButton variant="outlined" href={`/api/admin/compliance-report?${query}&format=csv`} download>下载CSV</MuiButton>
          <MuiButton variant="outlined" href={`/api/admin/compliance-report?${query}&format=pdf`} download>下载PDF</MuiButton>
        </Stack>
        {error && <Alert severity="error" role="alert" sx={{ mb: 2 }}>{error}</Alert>}
        {report && (
          <Box data-testid="compliance-report-summary">
            <Typography sx={{ mb: 1 }}>
              {report.period.region_label} · {formatDateTime(report.period.from)} 至 {formatDateTime(report.period.to)}：规则和表单变更 {report.changes.length} 条，规则决策 {total} 次
            </Typography>
            <Typography variant="subtitle1" sx={{ mt: 2 }}>决策统计</Typography>
            <DecisionChart decisions={report.decisions} />
            <Typography variant="subtitle1" sx={{ mt: 2 }}>规则和表单变更</Typography>
            {report.changes.length === 0 ? <Typography color="text.secondary">本期间内没有规则或表单变更。</Typography> : (
              <Table size="small">
                <TableHead>
                  <TableRow>{['时间', '操作人', '操作', '对象', '原因 / 审核意见', '审核人', '变更摘要'].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow>
                </TableHead>
                <TableBody>
                  {report.changes.map((c, i) => (
                    <TableRow key={i}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.at)}</TableCell>
                      <TableCell>{c.actor}</TableCell>
                      <TableCell>{c.action}</TableCell>
                      <TableCell>{`${c.subject || c.entity}${c.version === null ? '' : ` v${c.version}`}`}</TableCell>
                      <TableCell>{c.reason ?? ''}</TableCell>
                      <TableCell>{c.approver ?? ''}</TableCell>
                      <TableCell>{c.summary ?? ''}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
