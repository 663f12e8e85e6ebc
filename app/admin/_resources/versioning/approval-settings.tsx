import { Alert } from '@mui/material';
import { BooleanInput, Datagrid, Edit, FunctionField, List, SimpleForm, TextField, TextInput } from 'react-admin';
import type { ApprovalSettingRecord } from '@/lib/versioning/approval-setting-resource';
import { InstantField } from '../../_components/fields';

const requiredText = (r: ApprovalSettingRecord) => (r.approval_required ? '需他人审核' : '作者可直接发布') + (r.configured ? '' : '（默认）');

/**
 * 变更审核设置: per scope whether rule and form changes need a second person's approval (四眼原则);
 * a scope never configured requires it. Only the platform administrator edits (the server checks).
 */
export function ApprovalSettingList({ canEdit }: { canEdit: boolean }) {
  return (
    <List pagination={false} exporter={false} empty={false}>
      <Alert severity="info" sx={{ m: 2, mb: 0 }}>
        需审核的范围内，规则和表单的草稿须由作者「提交审核」，再由另一位有权限的人员「审核通过」后才发布；作者本人（含同一手机号的其他账号）不能审核。
      </Alert>
      <Datagrid rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="scope_name" sortable={false} />
        <FunctionField source="approval_required" sortable={false} render={requiredText} />
        <TextField source="updated_by_name" sortable={false} emptyText="—" />
        <InstantField source="updated_at" />
      </Datagrid>
    </List>
  );
}

export function ApprovalSettingEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <TextField source="scope_name" />
        <BooleanInput source="approval_required" helperText="关闭后，作者可不经他人审核直接发布（须填写原因）" />
        <TextInput source="reason" multiline fullWidth helperText="关闭审核时必填，将记入审计日志" />
      </SimpleForm>
    </Edit>
  );
}
