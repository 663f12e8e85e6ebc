import { Alert, Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useRecordContext } from 'react-admin';
import type { RuleTestResult } from '@/rules/run-test-cases';
import { useBackOfficeAction } from '../../_components/use-back-office-action';
import { callApi, callCommand } from '../../_components/call-api';
import type { RuleVersionRecord } from '@/lib/rules/rule-version-record';
import { StaticCheckPanel } from './static-check-panel';
import { EffectiveAtField, effectiveAtOf } from '../versioning/effective-at-field';

type Mode = 'publish' | 'rollback';

const TEXT: Record<Mode, { button: string; title: (v: RuleVersionRecord) => string; confirm: string; done: string }> = {
  publish: {
    button: '发布',
    title: (v) => `发布 v${v.version}`,
    confirm: '确认发布',
    done: '已发布：之后的决策将使用此版本',
  },
  rollback: {
    button: '回滚到此版本',
    title: (v) => `回滚到 v${v.version}`,
    confirm: '确认回滚',
    done: '已回滚：以此版本的内容发布了一个新版本',
  },
};

/**
 * The version's command of the same name (POST /api/admin/rule-versions/<id>/publish or …/rollback), offered
 * where its allowed_actions say. Publishing (or rolling back) replaces what decides for a whole region, so it asks for a reason and
 * shows the test-case results first; the server runs the same gate again when it publishes.
 */
export function PublishDialogButton({ mode }: { mode: Mode }) {
  const record = useRecordContext<RuleVersionRecord>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [effectiveAt, setEffectiveAt] = useState('');
  const [results, setResults] = useState<RuleTestResult[] | null>(null);
  const { run, busy, error, setError } = useBackOfficeAction(() => setOpen(false));

  useEffect(() => {
    if (!open || !record) return;
    setResults(null);
    callApi<RuleTestResult[]>(`/api/rules/versions/${record.id}/test-results`)
      .then(setResults)
      .catch((e: Error) => setError(e.message));
  }, [open, record]);

  if (!record) return null;
  const text = TEXT[mode];
  const failed = results?.filter((r) => !r.passed).length ?? 0;

  const submit = () =>
    run(async () => {
      await callCommand('rule-versions', record.id, mode, mode === 'publish' ? { reason, effective_at: effectiveAtOf(effectiveAt) } : { reason });
      return text.done;
    });

  return (
    <>
      <Button label={text.button} onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth>
        <DialogTitle>{text.title(record)}</DialogTitle>
        <DialogContent>
          {results === null && !error && <Alert severity="info">正在运行测试用例…</Alert>}
          {results && (
            <>
              <Alert severity={failed ? 'error' : 'success'} sx={{ mb: 2 }} data-testid="publish-test-summary">
                {failed ? `${failed} 个测试用例未通过，不能发布` : `全部 ${results.length} 个测试用例通过`}
              </Alert>
              <Table size="small" sx={{ mb: 2 }}>
                <TableHead>
                  <TableRow>
                    <TableCell>测试用例</TableCell>
                    <TableCell>实际结果</TableCell>
                    <TableCell>是否通过</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {results.map((r) => (
                    <TableRow key={r.name} sx={r.passed ? undefined : { bgcolor: 'error.50' }}>
                      <TableCell>{r.name}</TableCell>
                      <TableCell>{r.summary}</TableCell>
                      <TableCell>{r.passed ? '✓ 通过' : '✗ 未通过'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
          <Box sx={{ mb: 2 }}>
            <StaticCheckPanel ruleSetKey={record.rule_set_key} document={record.document} />
          </Box>
          <TextField
            label="发布原因（必填，将记入审计日志）"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            multiline
            minRows={2}
            fullWidth
            required
          />
          {mode === 'publish' && <EffectiveAtField value={effectiveAt} onChange={setEffectiveAt} />}
          {error && (
            <Box sx={{ mt: 2 }}>
              <Alert severity="error">{error}</Alert>
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>取消</MuiButton>
          <MuiButton variant="contained" onClick={submit} disabled={busy || !results || failed > 0 || reason.trim().length < 2}>
            {busy ? '处理中…' : text.confirm}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
