import { Alert, Box, FormControl, InputLabel, MenuItem, Select, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetList, useRecordContext } from 'react-admin';
import type { RuleVersionRecord } from '@/lib/rules/rule-version-record';
import { VERSION_STATUS_LABELS } from '@/lib/versioning/version-status';
import { diffRuleDocuments } from '@/rules/diff-rule-documents';
import { DiffTable } from '../../_components/diff-table';

const versionLabel = (v: RuleVersionRecord) =>
  `${v.region_id === null ? '基线' : '区域'} v${v.version}（${VERSION_STATUS_LABELS[v.status]}）`;

/**
 * Side-by-side diff against another version of the same rule set. A regional version is compared with
 * the published baseline by default, so an operator always sees how the region departs from it.
 */
export function VersionDiff({ document }: { /** The document being edited, instead of the version as saved. */ document?: unknown } = {}) {
  const record = useRecordContext<RuleVersionRecord>();
  const { data: versions = [] } = useGetList<RuleVersionRecord>('rule-versions', {
    filter: { rule_set_key: record?.rule_set_key },
    sort: { field: 'version', order: 'DESC' },
    pagination: { page: 1, perPage: 200 },
  }, { enabled: !!record });
  const [otherId, setOtherId] = useState<string>('');

  useEffect(() => {
    if (!record || otherId || versions.length === 0) return;
    const baseline = versions.find((v) => v.region_id === null && v.status === 'published');
    const previous = versions.find((v) => v.id !== record.id && v.region_id === record.region_id && v.status !== 'draft');
    const fallback = record.region_id !== null ? baseline : previous ?? baseline;
    if (fallback && fallback.id !== record.id) setOtherId(String(fallback.id));
  }, [record, versions, otherId]);

  if (!record) return null;
  const other = versions.find((v) => String(v.id) === otherId);
  const diff = other ? diffRuleDocuments(other.document, document ?? record.document) : null;

  return (
    <Box>
      <FormControl size="small" sx={{ minWidth: 280, mb: 2 }}>
        <InputLabel id="diff-other">对比版本</InputLabel>
        <Select labelId="diff-other" label="对比版本" value={otherId} onChange={(e) => setOtherId(e.target.value)}>
          {versions.filter((v) => v.id !== record.id).map((v) => (
            <MenuItem key={v.id} value={String(v.id)}>
              {versionLabel(v)}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      {!other && <Typography color="text.secondary">请选择要对比的版本</Typography>}
      {other && diff && (
        <>
          <Alert severity={diff.changes ? 'info' : 'success'} sx={{ mb: 1 }} data-testid="diff-summary">
            {diff.changes ? `与 ${versionLabel(other)} 相比有 ${diff.changes} 处不同` : `与 ${versionLabel(other)} 完全相同`}
          </Alert>
          <DiffTable rows={diff.rows} left={versionLabel(other)} right={`${versionLabel(record)}（本版本）`} />
        </>
      )}
    </Box>
  );
}
