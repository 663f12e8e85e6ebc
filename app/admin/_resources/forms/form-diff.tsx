import { Alert, Box, FormControl, InputLabel, MenuItem, Select } from '@mui/material';
import { useState } from 'react';
import { useGetList, useRecordContext } from 'react-admin';
import { sideBySideDiff } from '@/lib/diff/side-by-side-diff';
import type { FormVersionRecord } from '@/lib/forms/form-version-record';
import { VERSION_STATUS_LABELS } from '@/lib/versioning/version-status';

const text = (v: FormVersionRecord) => JSON.stringify({ schema: v.schema, uiSchema: v.ui_schema }, null, 2);
const label = (v: FormVersionRecord) => `${v.region_id === null ? '平台' : '区域'} v${v.version}（${VERSION_STATUS_LABELS[v.status]}）`;

/** Side-by-side diff of this version against another version of the same form. */
export function FormDiff() {
  const record = useRecordContext<FormVersionRecord>();
  const { data: versions = [] } = useGetList<FormVersionRecord>('form-versions', { filter: { form_key: record?.form_key }, sort: { field: 'version', order: 'DESC' }, pagination: { page: 1, perPage: 100 } }, { enabled: !!record });
  const [otherId, setOtherId] = useState('');
  if (!record) return null;
  const fallback = versions.find((v) => v.id !== record.id && v.status === 'published') ?? versions.find((v) => v.id !== record.id);
  const other = versions.find((v) => v.id === (otherId || fallback?.id));
  const diff = other ? sideBySideDiff(text(other), text(record)) : null;
  return (
    <Box>
      <FormControl size="small" sx={{ minWidth: 280, mb: 2 }}>
        <InputLabel id="form-diff-other">对比版本</InputLabel>
        <Select labelId="form-diff-other" label="对比版本" value={other?.id ?? ''} onChange={(e) => setOtherId(e.target.value)}>
          {versions.filter((v) => v.id !== record.id).map((v) => (
            <MenuItem key={v.id} value={v.id}>{label(v)}</MenuItem>
          ))}
        </Select>
      </FormControl>
      {other && diff && (
        <>
          <Alert severity={diff.changes ? 'info' : 'success'} sx={{ mb: 1 }} data-testid="form-diff-summary">
            {diff.changes ? `与 ${label(other)} 相比有 ${diff.changes} 处不同` : `与 ${label(other)} 完全相同`}
          </Alert>
          <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', fontFamily: 'monospace', fontSize: 12, tableLayout: 'fixed' }}>
            <tbody>
              {diff.rows.filter((r) => r.kind !== 'same').map((row, i) => (
                <tr key={i}>
                  <td style={{ background: row.left ? '#fdecea' : undefined, whiteSpace: 'pre-wrap', verticalAlign: 'top' }}>{row.left ? `${row.left.line}  ${row.left.text}` : ''}</td>
                  <td style={{ background: row.right ? '#e8f5e9' : undefined, whiteSpace: 'pre-wrap', verticalAlign: 'top' }}>{row.right ? `${row.right.line}  ${row.right.text}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </Box>
        </>
      )}
    </Box>
  );
}
