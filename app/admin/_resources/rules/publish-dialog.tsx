import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useEffect, useState } from 'react';
import { useRecordContext } from 'react-admin';
import type { RuleTestResult } from '@/rules/run-test-cases';
import { callApi, callCommand } from '../../_components/call-api';
import type { RuleVersionRecord } from '@/lib/rules/rule-version-record';
import { StaticCheckPanel } from './static-check-panel';
import { ReasonDialogButton } from '../versioning/reason-dialog-button';

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

/** The version's test cases, run when the dialog opens; `onPassed` says whether publishing may go ahead. */
function TestResults({ record, onPassed }: { record: RuleVersionRecord; onPassed: (passed: boolean) => void }) {
  const [results, setResults] = useState<RuleTestResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    onPassed(false);
    callApi<RuleTestResult[]>(`/api/rules/versions/${record.id}/test-results`)
      .then((r) => {
        setResults(r);
        onPassed(r.every((t) => t.passed));
      })
      .catch((e: Error) => setError(e.message));
  }, [record.id, onPassed]);
  const failed = results?.filter((r) => !r.passed).length ?? 0;
  return (
    <>
      {error && <Alert severity="error" sx={{ mb: 2 }}>{error}</Alert>}
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
    </>
  );
}

/**
 * The version's command of the same name (POST /api/admin/rule-versions/<id>/publish or …/rollback), offered
 * where its allowed_actions say. Publishing (or rolling back) replaces what decides for a whole region, so it asks for a reason and
 * shows the test-case results first; the server runs the same gate again when it publishes.
 */
export function PublishDialogButton({ mode }: { mode: Mode }) {
  const record = useRecordContext<RuleVersionRecord>();
  const [passed, setPassed] = useState(false);
  if (!record) return null;
  const text = TEXT[mode];
  return (
    <ReasonDialogButton label={text.button} title={text.title(record)} fieldLabel="发布原因（必填，将记入审计日志）" confirmLabel={text.confirm}
      withEffectiveAt={mode === 'publish'} maxWidth="md" blocked={!passed}
      onConfirm={async (reason, effectiveAt) => {
        await callCommand('rule-versions', record.id, mode, mode === 'publish' ? { reason, effective_at: effectiveAt } : { reason });
        return text.done;
      }}>
      <TestResults record={record} onPassed={setPassed} />
    </ReasonDialogButton>
  );
}
