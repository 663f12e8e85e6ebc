import { Alert } from '@mui/material';
import { Datagrid, FunctionField, List, ReferenceField, SearchInput, SelectInput, TextField, useRecordContext } from 'react-admin';
import type { BankNotificationRecord } from '@/lib/payments/bank-notifications/bank-notification-resource';
import { InstantField } from '../_components/fields';
import { openRetryingItem, QueueStateChip, queueStateChoices, RetryNowEdit, type QueueStateLabels } from '../_components/retry-queue';

const LABELS: QueueStateLabels = { pending: '待入账', retrying: '重试中', done: '已入账' };

/** 银行通知: notifications the banks were answered for, still to be recorded as transfers, or failing to be. */
export function BankNotificationList() {
  return (
    <List
      filters={[
        <SelectInput key="state" source="state" choices={queueStateChoices(LABELS, '未入账（待入账或重试中）')} alwaysOn />,
        <SearchInput key="q" source="q" placeholder="银行交易流水号" alwaysOn />,
      ]}
      filterDefaultValues={{ state: 'open' }}
      sort={{ field: 'received_at', order: 'ASC' }}
      empty={false}
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={openRetryingItem}
        empty={<Alert severity="success" sx={{ m: 2 }}>没有待入账的银行通知：收到的通知均已记为银行转账。</Alert>}
      >
        <TextField source="transaction_id" sortable={false} />
        <TextField source="bank_code" sortable={false} />
        <FunctionField source="state" sortable={false} render={(r: BankNotificationRecord) => <QueueStateChip state={r.state} labels={LABELS} />} />
        <TextField source="attempts" />
        <TextField source="last_error" sortable={false} emptyText="—" />
        <InstantField source="received_at" />
        <FunctionField source="run_after" render={(r: BankNotificationRecord) => (r.state === 'done' ? '—' : <InstantField source="run_after" />)} />
        <InstantField source="processed_at" />
        <ReferenceField source="transfer_id" reference="transfers" link="show" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}

function FailureSummary() {
  const record = useRecordContext<BankNotificationRecord>();
  if (!record) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }}>
      已尝试 {record.attempts} 次，最近一次失败：{record.last_error ?? '—'}。银行已收到本平台的确认，通知已保存，不会丢失；
      排除原因后可立即重试，否则将按计划自动重试。
    </Alert>
  );
}

/** 立即重试 for a notification that keeps failing to be recorded (audited). */
export function BankNotificationEdit() {
  return (
    <RetryNowEdit>
      <FailureSummary />
      <TextField source="transaction_id" />
      <TextField source="bank_code" />
      <InstantField source="received_at" />
      <InstantField source="run_after" />
    </RetryNowEdit>
  );
}
