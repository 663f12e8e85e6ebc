import { Alert, Chip } from '@mui/material';
import { Datagrid, Edit, FunctionField, List, ReferenceField, SaveButton, SearchInput, SelectInput, SimpleForm, TextField, Toolbar, useRecordContext } from 'react-admin';
import type { BankNotificationRecord, BankNotificationState } from '@/lib/payments/bank-notifications/bank-notification-resource';
import { InstantField } from '../_components/fields';
import { useCanWrite } from '../_components/use-can-write';

const stateChoices = [
  { id: 'open', name: '未入账（待入账或重试中）' },
  { id: 'retrying', name: '重试中' },
  { id: 'pending', name: '待入账' },
  { id: 'done', name: '已入账' },
];

const STATE_CHIPS: Record<BankNotificationState, { label: string; color: 'default' | 'warning' | 'success' }> = {
  pending: { label: '待入账', color: 'default' },
  retrying: { label: '重试中', color: 'warning' },
  done: { label: '已入账', color: 'success' },
};

const StateChip = ({ state }: { state: BankNotificationState }) => <Chip size="small" color={STATE_CHIPS[state].color} label={STATE_CHIPS[state].label} />;

/** 银行通知: notifications the banks were answered for, still to be recorded as transfers, or failing to be. */
export function BankNotificationList() {
  const canWrite = useCanWrite();
  return (
    <List
      filters={[<SelectInput key="state" source="state" choices={stateChoices} alwaysOn />, <SearchInput key="q" source="q" placeholder="银行交易流水号" alwaysOn />]}
      filterDefaultValues={{ state: 'open' }}
      sort={{ field: 'received_at', order: 'ASC' }}
      empty={false}
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={(_id, _resource, record) => (canWrite && (record as BankNotificationRecord).state === 'retrying' ? 'edit' : false)}
        empty={<Alert severity="success" sx={{ m: 2 }}>没有待入账的银行通知：收到的通知均已记为银行转账。</Alert>}
      >
        <TextField source="transaction_id" sortable={false} />
        <TextField source="bank_code" sortable={false} />
        <FunctionField source="state" sortable={false} render={(r: BankNotificationRecord) => <StateChip state={r.state} />} />
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

/** 立即重试: a failing notification recorded at once instead of at its next scheduled attempt (audited). */
export function BankNotificationEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list" transform={(data) => ({ ...data, retry_now: true })}>
      <SimpleForm toolbar={<Toolbar><SaveButton label="立即重试" alwaysEnable /></Toolbar>}>
        <FailureSummary />
        <TextField source="transaction_id" />
        <TextField source="bank_code" />
        <InstantField source="received_at" />
        <InstantField source="run_after" />
      </SimpleForm>
    </Edit>
  );
}
