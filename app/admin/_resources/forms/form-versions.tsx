import { Chip, LinearProgress } from '@mui/material';
import { ReviewDialogButton } from '../versioning/review-dialog';
import { ReviewHistory } from '../versioning/review-history';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import {
  Create, CreateButton, Datagrid, DeleteButton, EditButton, FunctionField, List, NumberField, ReferenceField,
  ReferenceInput, SelectInput, Show, SimpleForm, Tab, TabbedShowLayout, TextField, TextInput, TopToolbar, usePermissions,
  useRecordContext,
} from 'react-admin';
import { lazy, Suspense } from 'react';
import type { FormVersionRecord } from '@/lib/forms/form-version-record';
import { allowed } from '../../_components/allowed';
import type { AdminPermissions } from '../../_components/auth-provider';
import { InstantField } from '../../_components/fields';
import { STATUS_COLORS, versionStatusChoices } from '../rules/rule-choices';
import { FormDiff } from './form-diff';
import { FormPreview } from './form-preview';
import { FormPublishButton } from './form-publish-button';

function ScopeField() {
  return (
    <FunctionField
      label="适用范围"
      render={(r: FormVersionRecord) => (r.region_id === null ? '平台' : <ReferenceField record={r} source="region_id" reference="regions" link={false} />)}
    />
  );
}

function StatusField() {
  return (
    <FunctionField
      source="status"
      render={(r: FormVersionRecord) => <Chip size="small" color={STATUS_COLORS[r.status]} label={versionStatusChoices.find((c) => c.id === r.status)?.name} />}
    />
  );
}

export function FormVersionList() {
  return (
    <List filters={[<SelectInput key="status" source="status" choices={versionStatusChoices} alwaysOn />]} sort={{ field: 'updated_at', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="form_key" />
        <ScopeField />
        <NumberField source="version" />
        <StatusField />
        <TextField source="note" sortable={false} />
        <InstantField source="updated_at" />
        <TextField source="publish_reason" sortable={false} />
      </Datagrid>
    </List>
  );
}

function Actions() {
  const record = useRecordContext<FormVersionRecord & { allowed_actions?: string[] }>();
  const { permissions } = usePermissions<AdminPermissions>();
  if (!record) return null;
  // An operator drafts its own region's version from the platform's form.
  const draftRegion = permissions?.role === 'operator' ? permissions.regionId : record.region_id;
  return (
    <TopToolbar>
      {allowed(record, 'edit') && <EditButton />}
      {allowed(record, 'submit') && <ReviewDialogButton resource="form-versions" step="submit" />}
      {allowed(record, 'approve') && <ReviewDialogButton resource="form-versions" step="approve" />}
      {allowed(record, 'reject') && <ReviewDialogButton resource="form-versions" step="reject" />}
      {allowed(record, 'withdraw') && <ReviewDialogButton resource="form-versions" step="withdraw" />}
      {allowed(record, 'publish') && <FormPublishButton />}
      {allowed(record, 'copyToDraft') && (
        <CreateButton label="基于此版本新建草稿" resource="form-versions" state={{ record: { form_key: record.form_key, region_id: draftRegion, copied_from: record.id } }} />
      )}
      {allowed(record, 'delete') && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
}

export function FormVersionShow() {
  return (
    <Show actions={<Actions />}>
      <TabbedShowLayout>
        <Tab label="预览">
          <TextField source="form_key" />
          <ScopeField />
          <NumberField source="version" />
          <StatusField />
          <TextField source="note" />
          <TextField source="published_by_name" />
          <InstantField source="published_at" />
          <TextField source="publish_reason" />
          <TextField source="submitted_by_name" emptyText="—" />
          <InstantField source="submitted_at" />
          <TextField source="submit_reason" emptyText="—" />
          <InstantField source="effective_from" />
          <FunctionField label="表单预览" render={(r: FormVersionRecord) => <FormPreview schema={r.schema as RJSFSchema} uiSchema={r.ui_schema as UiSchema} />} />
        </Tab>
        <Tab label="JSON" path="json">
          <FunctionField label="表单结构" render={(r: FormVersionRecord) => <pre style={{ fontSize: 12 }}>{JSON.stringify(r.schema, null, 2)}</pre>} />
          <FunctionField label="界面配置" render={(r: FormVersionRecord) => <pre style={{ fontSize: 12 }}>{JSON.stringify(r.ui_schema, null, 2)}</pre>} />
        </Tab>
        <Tab label="对比" path="diff">
          <FormDiff />
        </Tab>
        <Tab label="审核记录" path="reviews">
          <ReviewHistory />
        </Tab>
      </TabbedShowLayout>
    </Show>
  );
}

// The builder and the code editor are heavy and only operators editing a form need them.
const LazyFormVersionEdit = lazy(() => import('./form-version-edit'));

export function FormVersionEdit() {
  return (
    <Suspense fallback={<LinearProgress aria-label="表单编辑器加载中" />}>
      <LazyFormVersionEdit />
    </Suspense>
  );
}

export function FormVersionCreate() {
  const { permissions } = usePermissions<AdminPermissions>();
  const isPlatform = permissions?.role === 'platform_admin';
  return (
    <Create redirect="edit">
      <SimpleForm defaultValues={{ form_key: 'application', region_id: isPlatform ? null : permissions?.regionId }}>
        <TextInput source="form_key" helperText="产品按此标识选用表单，默认 application（投保信息）" />
        {isPlatform ? (
          <ReferenceInput source="region_id" reference="regions">
            <SelectInput optionText="name" emptyText="平台" helperText="留空表示平台表单" />
          </ReferenceInput>
        ) : (
          <ReferenceField source="region_id" reference="regions" link={false} />
        )}
        <TextInput source="note" fullWidth helperText="新草稿复制自当前生效的表单（或所选版本）" />
      </SimpleForm>
    </Create>
  );
}
