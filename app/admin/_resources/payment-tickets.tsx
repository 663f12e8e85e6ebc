import { Box, Chip } from '@mui/material';
import { Datagrid, Edit, FunctionField, List, SaveButton, SelectInput, SimpleForm, TextField, TextInput, Toolbar, required } from 'react-admin';
import { PAYMENT_TICKET_KIND_LABELS } from '@/lib/payments/tickets/payment-ticket-kinds';
import type { PaymentTicketRecord } from '@/lib/payments/tickets/payment-ticket-resource';
import { InstantField } from '../_components/fields';
import { useCanWrite } from '../_components/use-can-write';

const statusChoices = [
  { id: 'open', name: '待处理' },
  { id: 'answered', name: '已处理' },
];

/** 支付问题: bidders' 【支付遇到问题请点击】 reports, oldest open first. */
export function PaymentTicketList() {
  const canWrite = useCanWrite();
  return (
    <List filters={[<SelectInput key="status" source="status" choices={statusChoices} alwaysOn />]} filterDefaultValues={{ status: 'open' }} sort={{ field: 'created_at', order: 'ASC' }}>
      <Datagrid
        bulkActionButtons={false}
        rowClick={(_id, _resource, record) => (canWrite && (record as PaymentTicketRecord).status === 'open' ? 'edit' : false)}
        empty={<Box sx={{ p: 3, color: 'text.secondary' }}>没有待处理的支付问题</Box>}
      >
        <InstantField source="created_at" />
        <TextField source="order_number" sortable={false} />
        <TextField source="enterprise_name" sortable={false} />
        <FunctionField source="kind" sortable={false} render={(r: PaymentTicketRecord) => <Chip size="small" label={PAYMENT_TICKET_KIND_LABELS[r.kind]} />} />
        <TextField source="message" sortable={false} />
        <FunctionField source="status" sortable={false} render={(r: PaymentTicketRecord) => statusChoices.find((c) => c.id === r.status)?.name} />
        <TextField source="answer" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}

export function PaymentTicketEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm toolbar={<Toolbar><SaveButton label="提交处理结果" /></Toolbar>}>
        <TextField source="order_number" />
        <TextField source="enterprise_name" />
        <FunctionField source="kind" render={(r: PaymentTicketRecord) => PAYMENT_TICKET_KIND_LABELS[r.kind]} />
        <TextField source="message" />
        <FunctionField
          label="退款账户"
          render={(r: PaymentTicketRecord) => (r.refund_account_number ? `${r.refund_account_name} · ${r.refund_bank} · ${r.refund_account_number}` : '—')}
        />
        <TextInput source="answer" validate={required()} multiline fullWidth helperText="处理结果将显示给投标人，并记入审计日志" />
      </SimpleForm>
    </Edit>
  );
}
