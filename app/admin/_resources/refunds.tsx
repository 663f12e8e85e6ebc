import { Chip } from '@mui/material';
import { Datagrid, Edit, FunctionField, List, SaveButton, SelectInput, SimpleForm, TextField, TextInput, Toolbar, required } from 'react-admin';
import type { RefundRecord } from '@/lib/refunds/refund-resource';
import { InstantField, MoneyField } from '../_components/fields';
import { useCanWrite } from '../_components/use-can-write';

const statusChoices = [
  { id: 'pending', name: '待退款' },
  { id: 'refunded', name: '已退款' },
];

/** 退款: what is owed back and by when; an overdue one stands out. */
export function RefundList() {
  const canWrite = useCanWrite();
  return (
    <List filters={[<SelectInput key="status" source="status" choices={statusChoices} alwaysOn />]} filterDefaultValues={{ status: 'pending' }} sort={{ field: 'due_date', order: 'ASC' }}>
      <Datagrid
        bulkActionButtons={false}
        rowClick={(_id, _resource, record) => (canWrite && (record as RefundRecord).status === 'pending' ? 'edit' : false)}
        rowSx={(record) => ((record as RefundRecord).overdue ? { backgroundColor: '#fff1f0' } : {})}
      >
        <TextField source="order_number" sortable={false} emptyText="（未匹配订单）" />
        <TextField source="enterprise_name" sortable={false} emptyText="—" />
        <MoneyField source="amount_fen" />
        <FunctionField
          source="payee_account"
          sortable={false}
          render={(r: RefundRecord) => [r.payee_name, r.payee_bank, r.payee_account].filter(Boolean).join(' · ') || '—'}
        />
        <TextField source="reason" sortable={false} />
        <FunctionField
          source="due_date"
          render={(r: RefundRecord) => (
            <>
              {r.due_date} {r.overdue && <Chip size="small" color="error" label="已逾期" />}
            </>
          )}
        />
        <FunctionField source="status" sortable={false} render={(r: RefundRecord) => statusChoices.find((c) => c.id === r.status)?.name} />
        <TextField source="bank_reference" sortable={false} />
        <InstantField source="refunded_at" />
      </Datagrid>
    </List>
  );
}

export function RefundEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm toolbar={<Toolbar><SaveButton label="标记为已退款" /></Toolbar>}>
        <TextField source="order_number" emptyText="（未匹配订单）" />
        <MoneyField source="amount_fen" />
        <TextField source="reason" />
        <FunctionField label="退款至" render={(r: RefundRecord) => [r.payee_name, r.payee_bank, r.payee_account].filter(Boolean).join(' · ') || '原路退回'} />
        <TextInput source="bank_reference" validate={required()} helperText="退款转账的银行流水号，将记入审计日志" />
      </SimpleForm>
    </Edit>
  );
}
