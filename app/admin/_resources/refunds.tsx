import { Alert, Chip, Tooltip } from '@mui/material';
import {
  Datagrid, Edit, FunctionField, List, SaveButton, SelectInput, SimpleForm, TextField, TextInput, Toolbar, required, useNotify,
  useRecordContext, useRedirect, useRefresh,
} from 'react-admin';
import { REFUND_STATUS_LABELS } from '@/lib/refunds/refund-labels';
import type { RefundRecord } from '@/lib/refunds/refund-resource';
import { allowed } from '../_components/allowed';
import { callCommand } from '../_components/call-api';
import { InstantField, MoneyField } from '../_components/fields';

/** A refund as the back office is sent it: with what the reader may do to it now. */
type RefundRow = RefundRecord & { allowed_actions?: string[] };

const statusChoices = Object.entries(REFUND_STATUS_LABELS).map(([id, name]) => ({ id, name }));

/** 退款: what is owed back and by when; an overdue one stands out. */
export function RefundList() {
  return (
    <List filters={[<SelectInput key="status" source="status" choices={statusChoices} alwaysOn />]} filterDefaultValues={{ status: 'pending' }} sort={{ field: 'due_date', order: 'ASC' }}>
      <Datagrid
        bulkActionButtons={false}
        rowClick={(_id, _resource, record) => (allowed(record as RefundRow, 'markRefunded') ? 'edit' : false)}
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
              {r.due_date_provisional && (
                <Tooltip title="该年度节假日安排尚未录入工作日历，到期日暂按常规工作日估算">
                  <Chip size="small" variant="outlined" label="暂定" />
                </Tooltip>
              )}
            </>
          )}
        />
        <FunctionField source="status" sortable={false} render={(r: RefundRecord) => REFUND_STATUS_LABELS[r.status]} />
        <TextField source="bank_reference" sortable={false} />
        <InstantField source="refunded_at" />
      </Datagrid>
    </List>
  );
}

/** Where the money goes, as the operator pays it. */
const payeeOf = (r: RefundRecord) => [r.payee_name, r.payee_bank, r.payee_account].filter(Boolean).join(' · ') || '原路退回';

/**
 * 标记为已退款 (the refund's command markRefunded), with the bank's reference: offered while the server says
 * the refund may be marked; otherwise the page only shows it.
 */
function MarkRefundedForm() {
  const record = useRecordContext<RefundRow>();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  if (!record) return null;
  const submit = async (values: Record<string, unknown>) => {
    try {
      await callCommand('refunds', record.id, 'markRefunded', { bank_reference: values.bank_reference });
      notify('已标记为已退款', { type: 'success' });
      redirect('list', 'refunds');
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  const open = allowed(record, 'markRefunded');
  return (
    <SimpleForm onSubmit={submit} toolbar={open ? <Toolbar><SaveButton label="标记为已退款" /></Toolbar> : false}>
      <TextField source="order_number" emptyText="（未匹配订单）" />
      <MoneyField source="amount_fen" />
      <TextField source="reason" />
      <FunctionField label="退款至" render={payeeOf} />
      {open ? (
        <TextInput source="bank_reference" validate={required()} helperText="退款转账的银行流水号，将记入审计日志" />
      ) : (
        <Alert severity="info">
          {REFUND_STATUS_LABELS[record.status]}
          {record.bank_reference ? `（退款流水号 ${record.bank_reference}）` : ''}
        </Alert>
      )}
    </SimpleForm>
  );
}

export function RefundEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <MarkRefundedForm />
    </Edit>
  );
}
