import { Alert, Chip } from '@mui/material';
import { Datagrid, Edit, FunctionField, List, SaveButton, SelectInput, SimpleForm, TextField, Toolbar, useRecordContext } from 'react-admin';
import type { PolicyDocumentJobRecord, PolicyDocumentJobState } from '@/lib/policies/document-jobs/policy-document-job-resource';
import { InstantField } from '../_components/fields';
import { useCanWrite } from '../_components/use-can-write';

const stateChoices = [
  { id: 'open', name: '未生成（生成中或重试中）' },
  { id: 'retrying', name: '重试中' },
  { id: 'pending', name: '生成中' },
  { id: 'done', name: '已生成' },
];

const STATE_CHIPS: Record<PolicyDocumentJobState, { label: string; color: 'default' | 'warning' | 'success' }> = {
  pending: { label: '生成中', color: 'default' },
  retrying: { label: '重试中', color: 'warning' },
  done: { label: '已生成', color: 'success' },
};

const StateChip = ({ state }: { state: PolicyDocumentJobState }) => <Chip size="small" color={STATE_CHIPS[state].color} label={STATE_CHIPS[state].label} />;

/** 保单生成: policy documents still being rendered, or failing and waiting for their next attempt. */
export function PolicyDocumentJobList() {
  const canWrite = useCanWrite();
  return (
    <List
      filters={[<SelectInput key="state" source="state" choices={stateChoices} alwaysOn />]}
      filterDefaultValues={{ state: 'open' }}
      sort={{ field: 'created_at', order: 'ASC' }}
      empty={false}
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={(_id, _resource, record) => (canWrite && (record as PolicyDocumentJobRecord).state === 'retrying' ? 'edit' : false)}
        empty={<Alert severity="success" sx={{ m: 2 }}>没有待生成的保单：所有已出单保单的文件均已生成。</Alert>}
      >
        <TextField source="policy_number" sortable={false} />
        <TextField source="order_number" sortable={false} />
        <TextField source="enterprise_name" sortable={false} />
        <FunctionField source="state" sortable={false} render={(r: PolicyDocumentJobRecord) => <StateChip state={r.state} />} />
        <TextField source="attempts" />
        <TextField source="last_error" sortable={false} emptyText="—" />
        <InstantField source="created_at" />
        <FunctionField source="run_after" render={(r: PolicyDocumentJobRecord) => (r.state === 'done' ? '—' : <InstantField source="run_after" />)} />
        <InstantField source="done_at" />
      </Datagrid>
    </List>
  );
}

function FailureSummary() {
  const record = useRecordContext<PolicyDocumentJobRecord>();
  if (!record) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }}>
      已尝试 {record.attempts} 次，最近一次失败：{record.last_error ?? '—'}。保单号与验证码已生效、可验真，仅保单文件尚未生成；
      排除原因（如字体文件、磁盘）后可立即重试，否则将按计划自动重试。
    </Alert>
  );
}

/** 立即重试: a failing job tried at once instead of at its next scheduled attempt (recorded in the audit log). */
export function PolicyDocumentJobEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list" transform={(data) => ({ ...data, retry_now: true })}>
      <SimpleForm toolbar={<Toolbar><SaveButton label="立即重试" alwaysEnable /></Toolbar>}>
        <FailureSummary />
        <TextField source="policy_number" />
        <TextField source="order_number" />
        <TextField source="enterprise_name" />
        <InstantField source="run_after" />
      </SimpleForm>
    </Edit>
  );
}
