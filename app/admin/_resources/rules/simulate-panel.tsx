import { Alert, Box, Button, FormControl, InputLabel, MenuItem, Select, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import type { RuleVersionRecord } from '@/lib/rules/rule-version-record';
import type { SimulationResult } from '@/lib/rules/simulate-rule-version';
import { getRuleSetCatalog } from '@/rules/catalog/rule-set-catalogs';
import { callApi } from '../../_components/call-api';

/** 试算: facts typed in (one input per catalog fact), or a replay of recent logged decisions. Writes nothing. */
export function SimulatePanel() {
  const record = useRecordContext<RuleVersionRecord>();
  const catalog = record ? getRuleSetCatalog(record.rule_set_key) : null;
  const [facts, setFacts] = useState<Record<string, string | boolean>>({});
  const [recent, setRecent] = useState(50);
  const [result, setResult] = useState<SimulationResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!record || !catalog) return null;

  const run = async (body: unknown) => {
    setError(null);
    setResult(null);
    try {
      setResult(await callApi<SimulationResult>(`/api/rules/versions/${record.id}/simulate`, { method: 'POST', body }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const complete = catalog.facts.every((f) => facts[f.name] !== undefined);

  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <Typography variant="subtitle1">按判定依据试算</Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        {catalog.facts.map((fact) => (
          <FormControl key={fact.name} size="small" sx={{ minWidth: 180 }}>
            <InputLabel id={`fact-${fact.name}`}>{fact.label}</InputLabel>
            <Select
              labelId={`fact-${fact.name}`}
              label={fact.label}
              value={facts[fact.name] === undefined ? '' : String(facts[fact.name])}
              onChange={(e) => {
                const raw = e.target.value;
                setFacts((f) => ({ ...f, [fact.name]: fact.type === 'boolean' ? raw === 'true' : raw }));
              }}
            >
              {(fact.type === 'boolean'
                ? [{ value: 'true', label: '是' }, { value: 'false', label: '否' }]
                : fact.values.map((v) => ({ value: v.value, label: v.label }))
              ).map((option) => (
                <MenuItem key={option.value} value={option.value}>
                  {option.label}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        ))}
        <Button variant="contained" disabled={!complete} onClick={() => run({ facts })}>
          试算
        </Button>
      </Box>
      <Typography variant="subtitle1">回放最近的决策</Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
        <TextField size="small" type="number" label="条数" value={recent} onChange={(e) => setRecent(Number(e.target.value))} sx={{ width: 120 }} />
        <Button variant="outlined" onClick={() => run({ recent })}>
          回放并列出结果会改变的决策
        </Button>
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      {result?.mode === 'facts' && (
        <Alert severity="info" data-testid="simulation-result">
          <strong>{result.summary}</strong>
          <Box component="pre" sx={{ whiteSpace: 'pre-wrap', fontSize: 13, mb: 0 }}>
            {result.explanation.text}
          </Box>
        </Alert>
      )}
      {result?.mode === 'recent' && (
        <Box data-testid="replay-result">
          <Alert severity={result.changed.length ? 'warning' : 'success'} sx={{ mb: 1 }}>
            已回放 {result.checked} 条决策，其中 {result.changed.length} 条的结果会改变
          </Alert>
          {result.changed.length > 0 && (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>决策时间</TableCell>
                  <TableCell>对象</TableCell>
                  <TableCell>原结果</TableCell>
                  <TableCell>按此版本</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {result.changed.map((c) => (
                  <TableRow key={c.decisionId}>
                    <TableCell>{new Date(c.decidedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</TableCell>
                    <TableCell>
                      {c.subjectType} {c.subjectId}
                    </TableCell>
                    <TableCell>{c.logged}</TableCell>
                    <TableCell>{c.simulated}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Box>
      )}
    </Stack>
  );
}
