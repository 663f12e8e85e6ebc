import { Box } from '@mui/material';
import {
  Create, Datagrid, Edit, EditButton, FunctionField, Labeled, List, ReferenceInput, SearchInput, SelectInput, Show, SimpleForm,
  SimpleShowLayout, TextField, TextInput, TopToolbar, required, usePermissions, useRecordContext,
} from 'react-admin';
import type { RegionRecord } from '@/lib/regions/region-resource';
import { ActionDialogButton } from '../_components/action-dialog-button';
import { SaveOnlyToolbar } from '../_components/save-only-toolbar';
import { allowed } from '../_components/allowed';
import type { AdminPermissions } from '../_components/auth-provider';
import { ActiveChip, ActiveFilter } from './active-chip';

type RegionRow = RegionRecord & { allowed_actions?: string[] };

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="搜索区划代码、名称" />,
  <ActiveFilter key="active" source="active" alwaysOn />,
];

const parentName = (r: RegionRecord) => (r.parent_id ? `${r.parent_name}（${r.parent_id}）` : '—');

/** 区域: the administrative regions; an operator sees its own. */
export function RegionList() {
  const { permissions } = usePermissions<AdminPermissions>();
  return (
    <List filters={filters} sort={{ field: 'id', order: 'ASC' }} exporter={false}>
      <Datagrid rowClick={permissions?.role === 'platform_admin' ? 'edit' : 'show'} bulkActionButtons={false} empty={<Box sx={{ p: 2 }}>暂无符合条件的区域</Box>}>
        <TextField source="id" />
        <TextField source="name" />
        <FunctionField source="parent_id" render={parentName} />
        <FunctionField source="active" render={(r: RegionRecord) => <ActiveChip active={r.active} />} />
      </Datagrid>
    </List>
  );
}

/** A parent is chosen among the regions in use; none makes a top-level region. */
function ParentInput() {
  return (
    <ReferenceInput source="parent_id" reference="regions" filter={{ active: true }} sort={{ field: 'id', order: 'ASC' }} perPage={200}>
      <SelectInput
        optionText={(r: RegionRecord) => `${r.name}（${r.id}）`}
        emptyText="无（顶级区域）"
        helperText="只能选择启用中的区域"
        sx={{ minWidth: 280 }}
      />
    </ReferenceInput>
  );
}

export function RegionCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="id" validate={required()} helperText="6 位行政区划代码，如 650100（乌鲁木齐市）；创建后不能修改" />
        <TextInput source="name" validate={required()} />
        <ParentInput />
      </SimpleForm>
    </Create>
  );
}

export function RegionEdit() {
  return (
    <Edit mutationMode="pessimistic" actions={<RegionActions />} redirect="list">
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <Labeled>
          <TextField source="id" />
        </Labeled>
        <TextInput source="name" validate={required()} />
        <ParentInput />
        <Labeled>
          <FunctionField source="active" render={(r: RegionRecord) => <ActiveChip active={r.active} />} />
        </Labeled>
      </SimpleForm>
    </Edit>
  );
}

/** 停用 / 启用, as the server says the reader may; both are confirmed first. */
function RegionActions({ editable = false }: { editable?: boolean }) {
  const record = useRecordContext<RegionRow>();
  const { permissions } = usePermissions<AdminPermissions>();
  if (!record) return null;
  return (
    <TopToolbar>
      {editable && permissions?.role === 'platform_admin' && <EditButton />}
      {allowed(record, 'deactivate') && (
        <ActionDialogButton
          label="停用"
          title={`停用区域「${record.name}」`}
          description="停用后不能再把该区域分配给新用户；已属于该区域的用户、企业、项目和规则不受影响。区域不能删除，可随时重新启用。"
          fields={[]}
          confirmLabel="确认停用"
          command={{ resource: 'regions', id: record.id, name: 'deactivate' }}
          done="区域已停用"
          danger
        />
      )}
      {allowed(record, 'reactivate') && (
        <ActionDialogButton
          label="启用"
          title={`启用区域「${record.name}」`}
          description="启用后该区域可以再分配给新用户。"
          fields={[]}
          confirmLabel="确认启用"
          command={{ resource: 'regions', id: record.id, name: 'reactivate' }}
          done="区域已启用"
        />
      )}
    </TopToolbar>
  );
}

export function RegionShow() {
  return (
    <Show actions={<RegionActions editable />}>
      <SimpleShowLayout>
        <TextField source="id" />
        <TextField source="name" />
        <FunctionField source="parent_id" render={parentName} />
        <FunctionField source="active" render={(r: RegionRecord) => <ActiveChip active={r.active} />} />
      </SimpleShowLayout>
    </Show>
  );
}
