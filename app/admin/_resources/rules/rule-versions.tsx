import { Chip, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import {
  Create, Datagrid, DeleteButton, Edit, EditButton, FunctionField, List, NumberField, ReferenceField, SelectField,
  SelectInput, Show, SimpleForm, Tab, TabbedShowLayout, TextField, TextInput, TopToolbar, required, useRecordContext,
  CreateButton, usePermissions, Toolbar, SaveButton, ReferenceInput,
} from 'react-admin';
import type { RuleVersionRecord } from '@/lib/rules/rule-version-record';
import { formatRuleDocument } from '@/rules/diff-rule-documents';
import { allowed } from '../../_components/allowed';
import type { AdminPermissions } from '../../_components/auth-provider';
import { InstantField } from '../../_components/fields';
import { PublishDialogButton } from './publish-dialog';
import { ReviewDialogButton } from '../versioning/review-dialog';
import { ReviewHistory } from '../versioning/review-history';
import { ReadableRules } from './readable-rules';
import { ruleSetChoices, STATUS_COLORS, versionStatusChoices } from './rule-choices';
import { SimulatePanel } from './simulate-panel';
import { VersionDiff } from './version-diff';

/**
 * How the draft editor lets this user edit versions of a region (null = the baseline): 'full', 'values'
 * (value-only) or not at all (false); the server checks again. The toolbar's buttons come from the
 * version's allowed_actions.
 */
function useRuleEditing(regionId: string | null | undefined): 'full' | 'values' | false {
  const { permissions } = usePermissions<AdminPermissions>();
  if (!permissions || regionId === undefined) return false;
  if (permissions.role === 'platform_admin') return 'full';
  if (permissions.role !== 'operator' || regionId === null || regionId !== permissions.regionId) return false;
  return permissions.canEditRules ? 'full' : permissions.canEditRuleValues ? 'values' : false;
}

// The builders (react-querybuilder, the data grid, CodeMirror) load only when a draft is opened for editing.
const RuleDraftEditor = lazy(() => import('./builder/rule-draft-editor'));

function RegionField() {
  return (
    <FunctionField
      label="适用范围"
      render={(r: RuleVersionRecord) => (r.region_id === null ? '平台基线' : <ReferenceField source="region_id" reference="regions" link={false} />)}
    />
  );
}

function StatusField() {
  return (
    <FunctionField
      source="status"
      render={(r: RuleVersionRecord) => (
        <Chip size="small" color={STATUS_COLORS[r.status]} label={versionStatusChoices.find((c) => c.id === r.status)?.name} />
      )}
    />
  );
}

const filters = [
  <SelectInput key="rule_set_key" source="rule_set_key" choices={ruleSetChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={versionStatusChoices} alwaysOn />,
  <ReferenceInput key="region" source="region_id" reference="regions">
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

export function RuleVersionList() {
  return (
    <List filters={filters} sort={{ field: 'updated_at', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <SelectField source="rule_set_key" choices={ruleSetChoices} />
        <RegionField />
        <NumberField source="version" />
        <StatusField />
        <TextField source="note" sortable={false} />
        <TextField source="updated_by_name" sortable={false} />
        <InstantField source="updated_at" />
        <TextField source="publish_reason" sortable={false} />
      </Datagrid>
    </List>
  );
}

function VersionActions() {
  const record = useRecordContext<RuleVersionRecord & { allowed_actions?: string[] }>();
  if (!record) return null;
  return (
    <TopToolbar>
      {allowed(record, 'edit') && <EditButton />}
      {allowed(record, 'submit') && <ReviewDialogButton resource="rule-versions" step="submit" />}
      {allowed(record, 'approve') && <ReviewDialogButton resource="rule-versions" step="approve" />}
      {allowed(record, 'reject') && <ReviewDialogButton resource="rule-versions" step="reject" />}
      {allowed(record, 'withdraw') && <ReviewDialogButton resource="rule-versions" step="withdraw" />}
      {allowed(record, 'publish') && <PublishDialogButton mode="publish" />}
      {allowed(record, 'rollback') && <PublishDialogButton mode="rollback" />}
      {allowed(record, 'copyToDraft') && (
        <CreateButton
          label="基于此版本新建草稿"
          resource="rule-versions"
          state={{ record: { rule_set_key: record.rule_set_key, region_id: record.region_id, copied_from: record.id } }}
        />
      )}
      {allowed(record, 'delete') && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
}

function VersionTitle() {
  const record = useRecordContext<RuleVersionRecord>();
  if (!record) return null;
  const set = ruleSetChoices.find((c) => c.id === record.rule_set_key)?.name;
  return <span>{`${set} · ${record.region_id === null ? '平台基线' : '区域版本'} v${record.version}`}</span>;
}

export function RuleVersionShow() {
  return (
    <Show actions={<VersionActions />} title={<VersionTitle />}>
      <TabbedShowLayout>
        <Tab label="规则">
          <SelectField source="rule_set_key" choices={ruleSetChoices} />
          <RegionField />
          <NumberField source="version" />
          <StatusField />
          <TextField source="note" />
          <TextField source="created_by_name" />
          <InstantField source="created_at" />
          <TextField source="published_by_name" />
          <InstantField source="published_at" />
          <TextField source="publish_reason" />
          <TextField source="submitted_by_name" emptyText="—" />
          <InstantField source="submitted_at" />
          <TextField source="submit_reason" emptyText="—" />
          <InstantField source="effective_from" />
          <FunctionField label="规则说明" render={(r: RuleVersionRecord) => <ReadableRules ruleSetKey={r.rule_set_key} document={r.document} />} />
        </Tab>
        <Tab label="JSON" path="json">
          <FunctionField
            label="规则文档"
            render={(r: RuleVersionRecord) => <pre style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>{formatRuleDocument(r.document)}</pre>}
          />
        </Tab>
        <Tab label="对比" path="diff">
          <VersionDiff />
        </Tab>
        <Tab label="试算" path="simulate">
          <SimulatePanel />
        </Tab>
        <Tab label="审核记录" path="reviews">
          <ReviewHistory />
        </Tab>
      </TabbedShowLayout>
    </Show>
  );
}

function DraftEditor() {
  const record = useRecordContext<RuleVersionRecord>();
  const editing = useRuleEditing(record?.region_id);
  if (!record) return null;
  return (
    <Suspense fallback={<Typography color="text.secondary">规则编辑器加载中…</Typography>}>
      <RuleDraftEditor version={record} valuesOnly={editing === 'values'} canEditTestCases={editing !== false} />
    </Suspense>
  );
}

export function RuleVersionEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" title={<VersionTitle />}>
      <SimpleForm toolbar={<Toolbar><SaveButton label="保存草稿" /></Toolbar>}>
        <TextInput source="note" fullWidth />
        <DraftEditor />
      </SimpleForm>
    </Edit>
  );
}

export function RuleVersionCreate() {
  const { permissions } = usePermissions<AdminPermissions>();
  const isPlatform = permissions?.role === 'platform_admin';
  return (
    <Create redirect="edit">
      <SimpleForm defaultValues={{ region_id: isPlatform ? null : permissions?.regionId }}>
        <SelectInput source="rule_set_key" choices={ruleSetChoices} validate={required()} />
        {isPlatform ? (
          <ReferenceInput source="region_id" reference="regions">
            <SelectInput optionText="name" emptyText="平台基线" helperText="留空表示编辑平台基线" />
          </ReferenceInput>
        ) : (
          <ReferenceField source="region_id" reference="regions" link={false} />
        )}
        <TextInput source="note" fullWidth helperText="新草稿复制自当前生效的版本（或所选版本）" />
      </SimpleForm>
    </Create>
  );
}
