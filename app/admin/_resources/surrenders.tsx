import { Alert, Box, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Button as MuiButton, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import {
  BooleanField, Button, Datagrid, FunctionField, List, SearchInput, SelectField, SelectInput, Show, SimpleShowLayout,
  TextField, TopToolbar, useRecordContext,
} from 'react-admin';
import { formatFen } from '@/lib/money/format-fen';
import { describeClause, SURRENDER_REASON_LABELS, SURRENDER_STATUS_LABELS } from '@/lib/surrenders/surrender-labels';
import { awaitsRefundAccount } from '@/lib/surrenders/surrender-lifecycle';
import type { SurrenderRecord } from '@/lib/surrenders/surrender-resource';
import { allowed } from '../_components/allowed';
import { useBackOfficeAction } from '../_components/use-back-office-action';
import { callCommand } from '../_components/call-api';
import { projectStatusChoices } from '../_components/choices';
import { InstantField, MoneyField } from '../_components/fields';

/** A surrender as the back office is sent it: with what the reader may do to it now. */
type SurrenderRow = SurrenderRecord & { allowed_actions?: string[] };

const toChoices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));
const statusChoices = toChoices(SURRENDER_STATUS_LABELS);
const reasonChoices = toChoices(SURRENDER_REASON_LABELS);

const STATUS_COLORS: Record<SurrenderRecord['status'], 'warning' | 'info' | 'success' | 'default'> = {
  awaiting_account: 'warning',
  submitted: 'info',
  approved: 'success',
  rejected: 'default',
};

function StatusChip({ record }: { record: SurrenderRecord }) {
  return <Chip size="small" color={STATUS_COLORS[record.status]} label={SURRENDER_STATUS_LABELS[record.status]} />;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="搜索订单号、投保企业、项目名称" />,
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
];

/** 退保审核: the region's surrenders, those waiting for a decision first. */
export function SurrenderList() {
  return (
    <List filters={filters} filterDefaultValues={{ status: 'submitted' }} sort={{ field: 'created_at', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<Box sx={{ p: 2 }}>暂无符合条件的退保申请</Box>}>
        <TextField source="order_number" sortable={false} />
        <TextField source="enterprise_name" sortable={false} />
        <TextField source="project_name" sortable={false} />
        <SelectField source="project_status" choices={projectStatusChoices} sortable={false} />
        <SelectField source="bidder_reason" choices={reasonChoices} sortable={false} />
        <FunctionField source="clause" sortable={false} render={(r: SurrenderRecord) => describeClause(r.clause).split('：')[0]} />
        <MoneyField source="premium_fen" />
        <FunctionField source="status" sortable={false} render={(r: SurrenderRecord) => <StatusChip record={r} />} />
        <InstantField source="created_at" />
      </Datagrid>
    </List>
  );
}

/**
 * Approving pays the premium back and ends the guarantee, so it asks for confirmation and shows where the
 * money goes; rejecting must say why, since the bidder reads it on its order.
 */
function ReviewDialogButton({ mode }: { mode: 'approve' | 'reject' }) {
  const record = useRecordContext<SurrenderRecord>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { run, busy, error } = useBackOfficeAction(() => setOpen(false));
  if (!record) return null;
  const approve = mode === 'approve';
  const payee = record.account_number
    ? `${record.account_name}，${record.account_bank}，${record.account_number}`
    : '原路退回支付保费的账户';

  const submit = () =>
    run(async () => {
      await callCommand('surrenders', record.id, mode, { reason });
      return approve ? '已通过退保申请，退款已加入退款列表' : '已驳回退保申请，订单恢复为投保成功';
    });

  return (
    <>
      <Button label={approve ? '通过' : '驳回'} onClick={() => setOpen(true)} data-testid={`surrender-${mode}`} />
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{approve ? '通过退保申请' : '驳回退保申请'}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {approve
              ? `通过后订单 ${record.order_number} 变为「已退保」，保单失效，并生成保费退款 ${formatFen(record.premium_fen)}（收款账户：${payee}），此操作不可撤销。`
              : `驳回后订单 ${record.order_number} 恢复为「投保成功」，投标人将在订单详情中看到驳回原因。`}
          </DialogContentText>
          <MuiTextField
            label={approve ? '审核意见（选填）' : '驳回原因（必填，将告知投标人并记入审计日志）'}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            multiline
            minRows={2}
            fullWidth
            required={!approve}
          />
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>取消</MuiButton>
          <MuiButton
            variant="contained"
            color={approve ? 'primary' : 'error'}
            onClick={submit}
            disabled={busy || (!approve && reason.trim().length < 2)}
          >
            {busy ? '处理中…' : approve ? '确认通过' : '确认驳回'}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** The review commands the server says the reader may take on this surrender now. */
function SurrenderActions() {
  const record = useRecordContext<SurrenderRow>();
  if (!allowed(record, 'approve') && !allowed(record, 'reject')) return null;
  return (
    <TopToolbar>
      {allowed(record, 'approve') && <ReviewDialogButton mode="approve" />}
      {allowed(record, 'reject') && <ReviewDialogButton mode="reject" />}
    </TopToolbar>
  );
}

function AwaitingAccountNotice() {
  const record = useRecordContext<SurrenderRecord>();
  if (!record || !awaitsRefundAccount(record.status)) return null;
  return <Alert severity="warning">网银支付保费且项目异常：投标人尚未完善退保账户信息，暂不能审核通过。</Alert>;
}

export function SurrenderShow() {
  return (
    <Show actions={<SurrenderActions />}>
      <SimpleShowLayout>
        <AwaitingAccountNotice />
        <FunctionField source="status" render={(r: SurrenderRecord) => <StatusChip record={r} />} />
        <TextField source="order_number" />
        <TextField source="enterprise_name" />
        <FunctionField source="project_name" render={(r: SurrenderRecord) => `${r.project_name}（${r.project_code}）· ${r.section_name}`} />
        <SelectField source="project_status" choices={projectStatusChoices} />
        <InstantField source="bid_opening_at" />
        <MoneyField source="premium_fen" />
        <SelectField source="bidder_reason" choices={reasonChoices} />
        <TextField source="note" emptyText="—" />
        <FunctionField source="clause" render={(r: SurrenderRecord) => describeClause(r.clause)} />
        <BooleanField source="refund_account_required" />
        <FunctionField
          source="account_number"
          render={(r: SurrenderRecord) =>
            r.account_number ? `${r.account_name}，${r.account_bank}，${r.account_number}` : r.refund_account_required ? '尚未填写' : '原路退回支付保费的账户'
          }
        />
        <InstantField source="created_at" />
        <InstantField source="submitted_at" />
        <InstantField source="reviewed_at" />
        <TextField source="reviewer_name" emptyText="—" />
        <TextField source="review_reason" emptyText="—" />
        <FunctionField
          source="refund_status"
          render={(r: SurrenderRecord) => (r.refund_status === 'refunded' ? '已退款' : r.refund_status === 'pending' ? '待退款（见“退款”列表）' : '—')}
        />
      </SimpleShowLayout>
    </Show>
  );
}
