import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert, Box, Button, Card, CardContent, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem,
  Stack, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, TextField, ToggleButton, ToggleButtonGroup, Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Link, Title } from 'react-admin';
import { formatFen } from '@/lib/money/format-fen';
import { ORDER_STATUS_LABELS } from '@/lib/orders/order-status';
import type { StatementBank } from '@/lib/payments/statement/list-statement-banks';
import type { StatementLineState, StatementPreview, StatementPreviewLine } from '@/lib/payments/statement/preview-statement-import';
import type { StartedStatementImport } from '@/lib/payments/statement/start-statement-import';
import { MAX_STATEMENT_BYTES, MAX_STATEMENT_ROWS, STATEMENT_COLUMNS } from '@/lib/payments/statement/statement-format';
import { ApiError, callApi } from '../../_components/call-api';
import { StatementImportProgress } from './statement-import-progress';
import { downloadStatementTemplate } from './statement-template';

/** The file goes up as it is (UTF-8 or GBK): the server decides its encoding and reads it again on import. */
async function postStatement<T>(path: 'preview' | 'import', bankCode: string, file: File): Promise<T> {
  const query = new URLSearchParams({ bank: bankCode, name: file.name });
  const response = await fetch(`/api/admin/statements/${path}?${query}`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: file });
  const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  if (!response.ok) throw new ApiError(body.message ?? `请求失败（${response.status}）`, body.code ?? 'INTERNAL', response.status);
  return body as T;
}

const STATE_LABELS: Record<StatementLineState, { label: string; color: 'success' | 'default' | 'error' }> = {
  new: { label: '新增', color: 'success' },
  already_imported: { label: '已导入过', color: 'default' },
  error: { label: '有错误', color: 'error' },
};

type Filter = 'all' | StatementLineState;

function MatchedOrder({ line }: { line: StatementPreviewLine }) {
  const match = line.matchedOrder;
  if (!match) return <Typography variant="body2" color="text.secondary">未匹配</Typography>;
  if ('otherRegion' in match) return <Typography variant="body2">其他区域的订单</Typography>;
  return (
    <>
      <Typography variant="body2" className="mono">{match.orderNumber}</Typography>
      <Typography variant="caption" color="text.secondary">{ORDER_STATUS_LABELS[match.status]}</Typography>
    </>
  );
}

function PreviewTable({ preview }: { preview: StatementPreview }) {
  const [filter, setFilter] = useState<Filter>(preview.totals.errors ? 'error' : 'all');
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(50);
  const lines = filter === 'all' ? preview.lines : preview.lines.filter((l) => l.state === filter);
  const shown = lines.slice(page * perPage, page * perPage + perPage);
  const counts: Record<Filter, number> = {
    all: preview.totals.lines, new: preview.totals.new, already_imported: preview.totals.alreadyImported, error: preview.totals.errors,
  };
  return (
    <Box>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={filter}
        onChange={(_e, value: Filter | null) => {
          if (value) {
            setFilter(value);
            setPage(0);
          }
        }}
        sx={{ mb: 1 }}
      >
        {(['all', 'new', 'already_imported', 'error'] as const).map((f) => (
          <ToggleButton key={f} value={f} data-testid={`statement-filter-${f}`}>
            {f === 'all' ? '全部' : STATE_LABELS[f].label} {counts[f]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" data-testid="statement-preview-table">
          <TableHead>
            <TableRow>
              <TableCell>行号</TableCell>
              <TableCell>状态</TableCell>
              <TableCell>{STATEMENT_COLUMNS.transactionId}</TableCell>
              <TableCell>{STATEMENT_COLUMNS.bankTime}</TableCell>
              <TableCell align="right">金额</TableCell>
              <TableCell>付款人</TableCell>
              <TableCell>{STATEMENT_COLUMNS.remark}</TableCell>
              <TableCell>匹配订单</TableCell>
              <TableCell>问题</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.length === 0 && (
              <TableRow>
                <TableCell colSpan={9} align="center">没有此类记录</TableCell>
              </TableRow>
            )}
            {shown.map((l) => (
              <TableRow key={l.line} data-testid={`statement-line-${l.line}`} sx={l.state === 'error' ? { bgcolor: '#fff1f0' } : undefined}>
                <TableCell>{l.line}</TableCell>
                <TableCell>
                  <Chip size="small" color={STATE_LABELS[l.state].color} label={STATE_LABELS[l.state].label} />
                  {l.importedVia && (
                    <Typography variant="caption" display="block" color="text.secondary">
                      {l.importedVia === 'webhook' ? '银行已通知' : '此前导入'}
                    </Typography>
                  )}
                </TableCell>
                <TableCell className="mono">{l.cells.transactionId}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{l.cells.bankTime}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{l.amountFen === null ? l.cells.amount : formatFen(l.amountFen)}</TableCell>
                <TableCell>
                  {l.cells.payerName}
                  <Typography variant="caption" display="block" color="text.secondary">
                    {l.cells.payerKind} {l.cells.payerAccount}
                  </Typography>
                </TableCell>
                <TableCell>{l.cells.remark}</TableCell>
                <TableCell>{l.state === 'error' ? '—' : <MatchedOrder line={l} />}</TableCell>
                <TableCell sx={{ color: 'error.main' }}>
                  {l.errors.map((e) => (
                    <div key={e}>{e}</div>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <TablePagination
        component="div"
        count={lines.length}
        page={page}
        onPageChange={(_e, p) => setPage(p)}
        rowsPerPage={perPage}
        onRowsPerPageChange={(e) => {
          setPerPage(Number(e.target.value));
          setPage(0);
        }}
        rowsPerPageOptions={[50, 200, 1000]}
        labelRowsPerPage="每页行数"
        labelDisplayedRows={({ from, to, count }) => `第 ${from}–${to} 行，共 ${count} 行`}
      />
    </Box>
  );
}

function PreviewSummary({ preview }: { preview: StatementPreview }) {
  const t = preview.totals;
  return (
    <Alert severity={t.errors ? 'error' : t.new ? 'info' : 'success'} data-testid="statement-preview-summary">
      文件共 {t.lines} 笔交易（{preview.encoding === 'gb18030' ? 'GBK/GB18030' : 'UTF-8'} 编码）：新增 {t.new} 笔，合计 {formatFen(t.newAmountFen)}，
      其中附言可匹配订单 {t.matched} 笔、未匹配 {t.unmatched} 笔；已导入过 {t.alreadyImported} 笔；有错误 {t.errors} 笔。
      {t.errors > 0 && <strong> 有错误时整个文件不会导入，请修正文件后重新选择。</strong>}
      {t.errors === 0 && t.new === 0 && <strong> 文件中的交易都已导入过，无需再次导入。</strong>}
      {preview.truncated && ` 下表列出其中 ${preview.lines.length} 行（有错误的行优先），合计按整个文件计算。`}
    </Alert>
  );
}

function ImportRunning({ id, onAgain }: { id: string; onAgain: () => void }) {
  const [finished, setFinished] = useState(false);
  return (
    <Stack spacing={2}>
      <StatementImportProgress id={id} onFinished={() => setFinished(true)} />
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button variant="contained" onClick={onAgain} disabled={!finished} data-testid="statement-import-again">继续导入其他文件</Button>
        <Button component={Link} to={`/statement-imports/${id}/show`} data-testid="statement-import-details">查看逐行结果</Button>
      </Box>
    </Stack>
  );
}

/** 导入银行流水: choose the bank and the file, read the preview, confirm, see what was recorded. */
export function StatementImportCreate() {
  const [banks, setBanks] = useState<StatementBank[] | null>(null);
  const [bankCode, setBankCode] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<StatementPreview | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // A new input element per chosen file, so choosing the same file again after fixing it still reads it.
  const [inputKey, setInputKey] = useState(0);

  useEffect(() => {
    callApi<StatementBank[]>('/api/admin/statements/banks')
      .then((list) => {
        setBanks(list);
        if (list.length === 1) setBankCode(list[0]!.code);
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  useEffect(() => {
    if (!file || !bankCode) return;
    let current = true;
    setBusy(true);
    setError(null);
    setPreview(null);
    postStatement<StatementPreview>('preview', bankCode, file)
      .then((p) => current && setPreview(p))
      .catch((e: Error) => current && setError(e.message))
      .finally(() => current && setBusy(false));
    return () => {
      current = false;
    };
  }, [file, bankCode]);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setImportId(null);
    setError(null);
    setInputKey((k) => k + 1);
  };

  const runImport = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      // The server checks the whole file, stores it and answers at once (202); the lines are recorded in
      // the background while the progress bar follows the job.
      const started = await postStatement<StartedStatementImport>('import', bankCode, file);
      setImportId(started.id);
      setPreview(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const t = preview?.totals;
  const canImport = Boolean(preview && t && t.errors === 0 && t.new > 0) && !busy;

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="导入银行流水" />
      <CardContent>
        <Stack spacing={2}>
          <Alert severity="info">
            从网银导出收款流水，按模板整理为 CSV 文件（UTF-8 或 GBK/GB18030 编码，不超过 {MAX_STATEMENT_BYTES / 1024 / 1024} MB、{MAX_STATEMENT_ROWS.toLocaleString('zh-CN')} 笔）。
            表头须包含：{Object.values(STATEMENT_COLUMNS).join('、')}；交易时间为北京时间“YYYY-MM-DD HH:mm:ss”，金额以元为单位，付款人类型填“企业”或“个人”。
            同一银行的同一交易流水号只会记录一次，已由银行通知入账的交易不会重复导入。
          </Alert>
          <Box>
            <Button size="small" startIcon={<DownloadIcon />} onClick={downloadStatementTemplate} data-testid="statement-template-download">
              模板下载
            </Button>
          </Box>
          {importId ? (
            <ImportRunning id={importId} onAgain={reset} />
          ) : (
            <>
              <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
                <TextField
                  select
                  size="small"
                  label="收款银行"
                  value={bankCode}
                  onChange={(e) => setBankCode(e.target.value)}
                  sx={{ minWidth: 220 }}
                  disabled={!banks || busy}
                  slotProps={{ htmlInput: { 'data-testid': 'statement-bank' } }}
                >
                  {(banks ?? []).map((b) => (
                    <MenuItem key={b.code} value={b.code}>
                      {b.name}
                    </MenuItem>
                  ))}
                </TextField>
                <Button variant="outlined" component="label" startIcon={<UploadFileIcon />} disabled={busy}>
                  {file ? '重新选择文件' : '选择 CSV 文件'}
                  <input
                    key={inputKey}
                    type="file"
                    accept=".csv,text/csv"
                    hidden
                    data-testid="statement-file"
                    onChange={(e) => {
                      const chosen = e.target.files?.[0] ?? null;
                      setImportId(null);
                      setFile(chosen);
                      setInputKey((k) => k + 1);
                    }}
                  />
                </Button>
                {file && <Typography variant="body2">{file.name}</Typography>}
                {banks && banks.length === 0 && <Typography color="error">尚未配置任何银行，不能导入流水</Typography>}
              </Box>
              {!bankCode && file && <Alert severity="warning">请先选择收款银行</Alert>}
              {busy && !preview && <Alert severity="info">正在读取文件…</Alert>}
              {error && <Alert severity="error" data-testid="statement-error">{error}</Alert>}
              {preview && (
                <>
                  <PreviewSummary preview={preview} />
                  <PreviewTable key={`${file?.name}-${inputKey}-${bankCode}`} preview={preview} />
                  <Box sx={{ display: 'flex', gap: 1 }}>
                    <Button variant="contained" disabled={!canImport} onClick={() => setConfirming(true)} data-testid="statement-import-button">
                      确认导入 {t?.new ?? 0} 笔
                    </Button>
                    <Button onClick={reset} disabled={busy}>取消</Button>
                  </Box>
                </>
              )}
            </>
          )}
        </Stack>
      </CardContent>
      <Dialog open={confirming} onClose={() => !busy && setConfirming(false)} data-testid="statement-confirm-dialog">
        <DialogTitle>确认导入银行流水</DialogTitle>
        <DialogContent>
          <DialogContentText>
            将记录 {t?.new ?? 0} 笔新转账，合计 {formatFen(t?.newAmountFen ?? 0)}。其中 {t?.matched ?? 0} 笔的附言指向订单，导入后立即按支付来源规则审核：
            符合规则的订单投保成功，不符合的订单取消并生成退款。导入在后台分批进行，可随时查看进度；导入后不能撤销。
            {t?.alreadyImported ? ` 已导入过的 ${t.alreadyImported} 笔不会重复记录。` : ''}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)} disabled={busy}>取消</Button>
          <Button variant="contained" onClick={runImport} disabled={busy} data-testid="statement-confirm">
            {busy ? '导入中…' : '确认导入'}
          </Button>
        </DialogActions>
      </Dialog>
    </Card>
  );
}
