import { Box, Chip } from '@mui/material';
import type { FieldValues } from 'react-hook-form';
import {
  Datagrid, Edit, FunctionField, List, SaveButton, SelectInput, SimpleForm, TextField, TextInput, Toolbar, required, useNotify, useRedirect, useRefresh,
} from 'react-admin';
import { PAYMENT_TICKET_KIND_LABELS } from '@/lib/payments/tickets/payment-ticket-kinds';
import type { PaymentTicketRecord } from '@/lib/payments/tickets/payment-ticket-resource';
import { allowed } from '../_components/allowed';
import { callCommand } from '../_components/call-api';
import { InstantField } from '../_components/fields';

const statusChoices = [
  { id: 'open', name: '待处理' },
  { id: 'answered', name: '已处理' },
];

type PaymentTicketWithActions = PaymentTicketRecord & { allowed_actions?: string[] };

/** 支付问题: bidders' 【支付遇到问题请点击】 reports, oldest open first. */
export function PaymentTicketList() {
  return (
    <List filters={[<SelectInput key="status" source="status" choices={statusChoices} alwaysOn />]} filterDefaultValues={{ status: 'open' }} sort={{ field: 'created_at', order: 'ASC' }}>
      <Datagrid
        bulkActionButtons={false}
        rowClick={(_id, _resource, record) => (allowed(record as PaymentTicketWithActions, 'answer') ? 'edit' : false)}
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

/** 提交处理结果: the ticket's command answer, then back to the tickets still open. */
function useAnswer() {
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  return async (data: FieldValues) => {
    try {
      await callCommand('payment-tickets', data.id, 'answer', { answer: data.answer });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
      return;
    }
    notify('ra.notification.updated', { type: 'info', messageArgs: { smart_count: 1 } });
    refresh();
    redirect('list', 'payment-tickets');
  };
}

export function PaymentTicketEdit() {
  const answer = useAnswer();
  return (
    <Edit>
      <SimpleForm onSubmit={answer} toolbar={<Toolbar><SaveButton label="提交处理结果" /></Toolbar>}>
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
