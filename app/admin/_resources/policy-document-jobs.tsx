import { Alert } from '@mui/material';
import { Datagrid, FunctionField, List, SelectInput, TextField, useRecordContext } from 'react-admin';
import type { PolicyDocumentJobRecord } from '@/lib/policies/document-jobs/policy-document-job-resource';
import { InstantField } from '../_components/fields';
import { openRetryingItem, QueueStateChip, queueStateChoices, RetryNowEdit, type QueueStateLabels } from '../_components/retry-queue';

const LABELS: QueueStateLabels = { pending: '生成中', retrying: '重试中', done: '已生成' };

/** 保单生成: policy documents still being rendered, or failing and waiting for their next attempt. */
export function PolicyDocumentJobList() {
  return (
    <List
      filters={[<SelectInput key="state" source="state" choices={queueStateChoices(LABELS, '未生成（生成中或重试中）')} alwaysOn />]}
      filterDefaultValues={{ state: 'open' }}
      sort={{ field: 'created_at', order: 'ASC' }}
      empty={false}
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={openRetryingItem}
        empty={<Alert severity="success" sx={{ m: 2 }}>没有待生成的保单：所有已出单保单的文件均已生成。</Alert>}
      >
        <TextField source="policy_number" sortable={false} />
        <TextField source="order_number" sortable={false} />
        <TextField source="enterprise_name" sortable={false} />
        <FunctionField source="state" sortable={false} render={(r: PolicyDocumentJobRecord) => <QueueStateChip state={r.state} labels={LABELS} />} />
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

/** 立即重试 for a document that keeps failing to render (audited). */
export function PolicyDocumentJobEdit() {
  return (
    <RetryNowEdit>
      <FailureSummary />
      <TextField source="policy_number" />
      <TextField source="order_number" />
      <TextField source="enterprise_name" />
      <InstantField source="run_after" />
    </RetryNowEdit>
  );
}
