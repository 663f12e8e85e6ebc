import { Alert, Box, Chip } from '@mui/material';
import {
  Datagrid, FunctionField, List, SelectInput, Show, SimpleShowLayout, TextField, TextInput, useRecordContext,
} from 'react-admin';
import type { TransferStatus } from '@/db/database';
import { ORDER_STATUS_LABELS } from '@/lib/orders/order-status';
import type { TransferRecord } from '@/lib/payments/transfer-resource';
import { ActionDialogButton } from '../_components/action-dialog-button';
import { InstantField, MoneyField } from '../_components/fields';
import { allowed } from '../_components/allowed';

export const TRANSFER_STATUS_CHOICES: { id: TransferStatus; name: string; color: 'default' | 'success' | 'warning' | 'error' | 'info' }[] = [
  { id: 'unmatched', name: '待匹配', color: 'warning' },
  { id: 'review', name: '待人工审核', color: 'info' },
  { id: 'matched', name: '已匹配订单', color: 'success' },
  { id: 'duplicate', name: '重复支付', color: 'error' },
  { id: 'returned', name: '已退回', color: 'default' },
];

const payerKinds: Record<string, string> = { enterprise: '企业', personal: '个人' };
const sources: Record<string, string> = { webhook: '银行通知', statement: '流水导入' };

function StatusChip({ status }: { status: TransferStatus }) {
  const choice = TRANSFER_STATUS_CHOICES.find((c) => c.id === status);
  return <Chip size="small" color={choice?.color ?? 'default'} label={choice?.name ?? status} />;
}

const filters = [
  <SelectInput key="status" source="status" choices={TRANSFER_STATUS_CHOICES} alwaysOn />,
  <TextInput key="q" source="q" label="搜索（付款人、账号、附言、流水号、订单号）" alwaysOn />,
];

/** 银行转账: the unmatched queue first (what needs a person), then everything else by filter. */
export function TransferList() {
  return (
    <List filters={filters} filterDefaultValues={{ status: 'unmatched' }} sort={{ field: 'received_at', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false} rowClick="show" empty={<Box sx={{ p: 3, color: 'text.secondary' }}>没有符合条件的转账</Box>}>
        <InstantField source="bank_time" />
        <MoneyField source="amount_fen" />
        <TextField source="payer_name" sortable={false} />
        <TextField source="payer_account" sortable={false} />
        <TextField source="remark" sortable={false} />
        <FunctionField source="status" sortable={false} render={(r: TransferRecord) => <StatusChip status={r.status} />} />
        <TextField source="order_number" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}

type TransferWithActions = TransferRecord & { allowed_actions?: string[] };

/** The transfer's commands the server allows this reader now (its `allowed_actions`), with what each will do. */
function TransferActions() {
  const record = useRecordContext<TransferWithActions>();
  if (!record) return null;
  const command = (name: string) => ({ resource: 'transfers', id: record.id, name });
  const match = allowed(record, 'match');
  const giveBack = allowed(record, 'return');
  const approve = allowed(record, 'approve');
  const reject = allowed(record, 'reject');
  if (!match && !giveBack && !approve && !reject) return null;
  return (
    <Box sx={{ mt: 2 }}>
      {(match || giveBack) && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          这笔转账的附言未能对应任何订单。核实后可将其匹配到订单（随后按支付来源规则审核，附言不符的仍会被拒绝并退款），或原路退回付款人。
        </Alert>
      )}
      {(approve || reject) && (
        <Alert severity="info" sx={{ mb: 2 }}>
          支付来源规则要求人工审核这笔转账。审核通过将出具保单；不通过将取消订单并原路退还保费。
        </Alert>
      )}
      {match && (
        <ActionDialogButton
          label="匹配订单"
          title="将转账匹配到订单"
          description="请输入这笔转账所支付的订单号，并说明核实方式。匹配后系统立即按支付来源规则审核。"
          fields={[
            { name: 'order_number', label: '订单号', helperText: '如 BH2026112412345678' },
            { name: 'note', label: '匹配说明', helperText: '如：已电话联系投标人核实，附言漏填', multiline: true },
          ]}
          confirmLabel="确认匹配"
          command={command('match')}
          done="已匹配，审核结果见订单状态"
        />
      )}
      {giveBack && (
        <ActionDialogButton
          label="退回付款人"
          title="原路退回这笔转账"
          description="退回后该转账不再能匹配订单，退款将进入「退款」列表，须在 5 个工作日内原路退回付款账户。"
          fields={[{ name: 'note', label: '退回原因', multiline: true }]}
          confirmLabel="确认退回"
          command={command('return')}
          done="已登记退款"
          danger
        />
      )}
      {approve && (
        <ActionDialogButton
          label="审核通过"
          title="审核通过，出具保单"
          description="确认这笔转账可作为该订单的保费？通过后订单变为「投保成功」并出具保单，不可撤销。"
          fields={[{ name: 'reason', label: '审核意见', multiline: true }]}
          confirmLabel="确认通过"
          command={command('approve')}
          done="已审核通过，保单已出具"
        />
      )}
      {reject && (
        <ActionDialogButton
          label="审核不通过"
          title="审核不通过，取消订单并退款"
          description="订单将被取消，保费将在 5 个工作日内原路退回。审核意见将显示给投标人。"
          fields={[{ name: 'reason', label: '审核意见（不通过原因）', multiline: true }]}
          confirmLabel="确认不通过"
          command={command('reject')}
          done="已审核不通过，订单已取消并登记退款"
          danger
        />
      )}
    </Box>
  );
}

export function TransferShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <FunctionField source="status" render={(r: TransferRecord) => <StatusChip status={r.status} />} />
        <TextField source="bank_txn_id" />
        <FunctionField source="source" render={(r: TransferRecord) => `${sources[r.source] ?? r.source}（${r.bank_code}）`} />
        <MoneyField source="amount_fen" />
        <TextField source="payer_name" />
        <TextField source="payer_account" />
        <FunctionField source="payer_kind" render={(r: TransferRecord) => payerKinds[r.payer_kind]} />
        <TextField source="remark" />
        <InstantField source="bank_time" />
        <InstantField source="received_at" />
        <TextField source="order_number" emptyText="—" />
        <FunctionField source="order_status" render={(r: TransferRecord) => (r.order_status ? ORDER_STATUS_LABELS[r.order_status] : '—')} />
        <TextField source="handled_by_name" emptyText="—" />
        <InstantField source="handled_at" />
        <TextField source="handling_note" emptyText="—" />
        <TransferActions />
      </SimpleShowLayout>
    </Show>
  );
}
