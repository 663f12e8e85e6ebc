import { Alert } from '@mui/material';
import { AutocompleteInput, Datagrid, DateTimeInput, FunctionField, Link, List, ReferenceInput, TextField } from 'react-admin';
import type { SnapshotRow } from '@/lib/versioning/snapshot-resource';
import { InstantField } from '../../_components/fields';

const filters = [
  <ReferenceInput key="region_id" source="region_id" reference="regions" alwaysOn>
    <AutocompleteInput label="区域（留空为平台基线）" optionText="name" />
  </ReferenceInput>,
  <DateTimeInput key="at" source="at" label="时间点（留空为现在）" alwaysOn />,
];

/**
 * 规则快照: which rule and form versions were in force in a region at a moment (past or present), each
 * linking to its version page and saying whether it was the region's own or the platform baseline.
 */
export function SnapshotList() {
  return (
    <List filters={filters} pagination={false} exporter={false} empty={false} title="规则快照">
      <Alert severity="info" sx={{ m: 2, mb: 0 }}>
        选择区域和时间点，查看当时生效的规则版本和表单版本（区域版本优先，区域没有时使用平台基线）。
      </Alert>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="label" sortable={false} />
        <FunctionField
          source="version"
          sortable={false}
          render={(r: SnapshotRow) => <Link to={`/${r.resource}/${r.version_id}/show`}>{`v${r.version}`}</Link>}
        />
        <TextField source="scope_label" sortable={false} />
        <InstantField source="effective_from" />
      </Datagrid>
    </List>
  );
}
