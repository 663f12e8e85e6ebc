import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import {
  Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Select, Stack, Table, TableBody, TableCell,
  TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNotify } from 'react-admin';
import type { RuleDecisionRecord } from '@/lib/rules/rule-decision-resource';
import type { RegionalTestResult } from '@/lib/rules/test-rule-document';
import type { RuleVersionRecord } from '@/lib/rules/rule-version-record';
import { getRuleSetCatalog, labelFactValue } from '@/rules/catalog/rule-set-catalogs';
import { expectedKey, expectedOutcomeChoices } from '@/rules/builder/expected-outcome-choices';
import { GRID_FITS_WIDTH } from './grid-fits-width';
import { callApi } from '../../../_components/call-api';

export interface TestCaseTableProps {
  version: RuleVersionRecord;
  /** The document in the editor, run as it is (saved or not). */
  documentText: string;
  /** Whether the document in the editor validates; an invalid one cannot be run. */
  documentValid: boolean;
  /** May this user add or change the cases of the version's scope (its region, or the platform's). */
  canEdit: boolean;
}

type Row = RegionalTestResult & { rowId: string };

/**
 * 测试用例: the cases that gate this draft's publishing, facts as columns, the expected outcome picked
 * from the rule set's outcomes. 运行 runs them all against the document in the editor. In a region,
 * changing a platform case's expected outcome states the region's own expectation under the same name.
 */
export function TestCaseTable({ version, documentText, documentValid, canEdit }: TestCaseTableProps) {
  const catalog = getRuleSetCatalog(version.rule_set_key);
  const choices = useMemo(() => expectedOutcomeChoices(version.rule_set_key), [version.rule_set_key]);
  const notify = useNotify();
  const [results, setResults] = useState<RegionalTestResult[] | null>(null);
  const [ranFor, setRanFor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [fromLog, setFromLog] = useState(false);

  const run = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      setResults(await callApi<RegionalTestResult[]>(`/api/rules/versions/${version.id}/test-results`, { method: 'POST', body: { document: documentText } }));
      setRanFor(documentText);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }, [version.id, documentText]);

  // The table lists the cases from the start; pass/fail marks wait for 运行.
  useEffect(() => {
    callApi<RegionalTestResult[]>(`/api/rules/versions/${version.id}/test-results`).then(setResults).catch((e: Error) => setError(e.message));
  }, [version.id]);

  const setExpected = async (row: Row, expected: Record<string, unknown>) => {
    try {
      if (row.regionId === version.region_id && row.id) {
        await callApi(`/api/admin/rule-test-cases/${row.id}`, { method: 'PUT', body: { expected } });
      } else {
        await callApi('/api/admin/rule-test-cases', {
          method: 'POST',
          body: { rule_set_key: version.rule_set_key, region_id: version.region_id, name: row.name, facts: row.facts, expected },
        });
      }
      notify(version.region_id && row.regionId === null ? '已为本区域设定此用例的期望结果（平台用例不变）' : '期望结果已更新', { type: 'success' });
      await run();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };

  const stale = ranFor !== documentText;
  const rows: Row[] = (results ?? []).map((r, i) => ({ ...r, rowId: r.id ?? String(i) }));
  const failed = !stale && results ? results.filter((r) => !r.passed).length : 0;

  const columns: GridColDef<Row>[] = [
    { field: 'name', headerName: '用例', minWidth: 180, flex: 1.4, sortable: false },
    {
      field: 'regionId',
      headerName: '范围',
      width: 90,
      sortable: false,
      renderCell: ({ row }) => <Chip size="small" label={row.regionId === null ? '平台' : '本区域'} color={row.regionId === null ? 'default' : 'primary'} variant="outlined" />,
    },
    ...catalog.facts.map<GridColDef<Row>>((fact) => ({
      field: `fact:${fact.name}`,
      headerName: fact.label,
      minWidth: 84,
      flex: 0.7,
      sortable: false,
      valueGetter: (_v, row) => labelFactValue(fact, row.facts[fact.name]),
    })),
    {
      field: 'expected',
      headerName: '期望结果',
      minWidth: 200,
      flex: 1.6,
      sortable: false,
      renderCell: ({ row }) => {
        const key = expectedKey(row.expected);
        const known = choices.some((c) => c.key === key);
        return (
          <Select
            size="small"
            fullWidth
            value={known ? key : '__custom__'}
            disabled={!canEdit}
            inputProps={{ 'aria-label': `「${row.name}」的期望结果` }}
            onChange={(e) => {
              const choice = choices.find((c) => c.key === e.target.value);
              if (choice) void setExpected(row, choice.expected);
            }}
          >
            {!known && <MenuItem value="__custom__">{JSON.stringify(row.expected)}</MenuItem>}
            {choices.map((c) => (
              <MenuItem key={c.key} value={c.key}>
                {c.label}
              </MenuItem>
            ))}
          </Select>
        );
      },
    },
    { field: 'summary', headerName: '实际结果', minWidth: 180, flex: 1.4, sortable: false, valueGetter: (_v, row) => (stale ? '—' : row.summary) },
    {
      field: 'passed',
      headerName: '结果',
      width: 100,
      sortable: false,
      renderCell: ({ row }) =>
        stale ? <Chip size="small" label="待运行" /> : <Chip size="small" color={row.passed ? 'success' : 'error'} label={row.passed ? '✓ 通过' : '✗ 未通过'} data-testid="test-case-status" />,
    },
  ];

  return (
    <Box data-testid="test-case-table" sx={GRID_FITS_WIDTH}>
      <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }} flexWrap="wrap" useFlexGap>
        <Button variant="contained" startIcon={<PlayArrowIcon />} onClick={run} disabled={busy || !documentValid}>
          {busy ? '运行中…' : '运行'}
        </Button>
        {canEdit && (
          <Button startIcon={<PlaylistAddIcon />} onClick={() => setFromLog(true)}>
            从决策日志添加
          </Button>
        )}
        {!stale && results && (
          <Alert severity={failed ? 'error' : 'success'} sx={{ py: 0 }} data-testid="test-run-summary">
            {failed ? `${failed} 个用例未通过：修改规则，或确认新的期望结果` : `全部 ${results.length} 个用例通过`}
          </Alert>
        )}
        {stale && results && <Typography variant="body2" color="text.secondary">规则有改动，点击「运行」用当前编辑中的规则检验全部用例</Typography>}
        {!documentValid && <Typography variant="body2" color="error">文档有错误，修正后才能运行</Typography>}
      </Stack>
      {error && <Alert severity="error" sx={{ mb: 1 }}>{error}</Alert>}
      <DataGrid
        rows={rows}
        getRowId={(r) => r.rowId}
        columns={columns}
        loading={results === null && !error}
        hideFooter
        disableColumnMenu
        disableRowSelectionOnClick
        density="compact"
        getRowHeight={() => 'auto'}
        sx={{ '& .MuiDataGrid-cell': { py: 0.5, display: 'flex', alignItems: 'center' } }}
        getRowClassName={({ row }) => (!stale && !row.passed ? 'test-failed' : '')}
        localeText={{ noRowsLabel: '暂无测试用例' }}
      />
      {fromLog && <FromDecisionLogDialog version={version} onClose={() => setFromLog(false)} onAdded={run} />}
    </Box>
  );
}

/** 从决策日志添加: a logged decision becomes a case of the region, expecting what was decided then. */
function FromDecisionLogDialog({ version, onClose, onAdded }: { version: RuleVersionRecord; onClose: () => void; onAdded: () => void }) {
  const catalog = getRuleSetCatalog(version.rule_set_key);
  const notify = useNotify();
  const [decisions, setDecisions] = useState<RuleDecisionRecord[] | null>(null);
  const [picked, setPicked] = useState<RuleDecisionRecord | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const filter = encodeURIComponent(JSON.stringify({ rule_set_key: version.rule_set_key }));
    callApi<RuleDecisionRecord[]>(`/api/admin/rule-decisions?filter=${filter}&range=${encodeURIComponent('[0,19]')}&sort=${encodeURIComponent('["decided_at","DESC"]')}`)
      .then(setDecisions)
      .catch((e: Error) => setError(e.message));
  }, [version.rule_set_key]);

  const add = async () => {
    if (!picked) return;
    try {
      await callApi('/api/admin/rule-test-cases', {
        method: 'POST',
        body: { rule_set_key: version.rule_set_key, region_id: version.region_id, name: name.trim(), facts: picked.facts, expected: picked.outcome },
      });
      notify('已添加测试用例', { type: 'success' });
      onAdded();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth>
      <DialogTitle>从决策日志添加测试用例</DialogTitle>
      <DialogContent>
        {decisions === null && !error && <Typography color="text.secondary">加载最近的决策…</Typography>}
        {decisions?.length === 0 && <Alert severity="info">{catalog.label}还没有决策日志</Alert>}
        {decisions && decisions.length > 0 && (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>决策时间</TableCell>
                <TableCell>对象</TableCell>
                {catalog.facts.map((f) => (
                  <TableCell key={f.name}>{f.label}</TableCell>
                ))}
                <TableCell>当时的结果</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {decisions.map((d) => (
                <TableRow
                  key={d.id}
                  hover
                  selected={picked?.id === d.id}
                  sx={{ cursor: 'pointer' }}
                  onClick={() => {
                    setPicked(d);
                    setName(`来自决策：${d.subject_id}（${d.summary.split('：')[0]}）`);
                  }}
                >
                  <TableCell>{new Date(d.decided_at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</TableCell>
                  <TableCell>{d.subject_id}</TableCell>
                  {catalog.facts.map((f) => (
                    <TableCell key={f.name}>{labelFactValue(f, d.facts[f.name])}</TableCell>
                  ))}
                  <TableCell>{d.summary}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {picked && <TextField sx={{ mt: 2 }} fullWidth label="用例名称" value={name} onChange={(e) => setName(e.target.value)} />}
        {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        <Button variant="contained" disabled={!picked || name.trim().length === 0} onClick={add}>
          添加为用例
        </Button>
      </DialogActions>
    </Dialog>
  );
}
