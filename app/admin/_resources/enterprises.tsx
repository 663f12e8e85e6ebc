import {
  Alert, Box, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Button as MuiButton, TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  ArrayField, BooleanField, Button, Datagrid, FunctionField, List, Pagination, ReferenceInput, ReferenceManyField, SearchInput,
  SelectInput, Show, Tab, TabbedShowLayout, TextField, TopToolbar, useRecordContext,
} from 'react-admin';
import { auditActionLabel } from '@/lib/audit/audit-labels';
import { awaitsReview, ENTERPRISE_STATUS_LABELS, wasRejected } from '@/lib/enterprises/enterprise-lifecycle';
import type { EnterpriseDetail, EnterpriseRecord } from '@/lib/enterprises/enterprise-resource';
import { ActionDialogButton } from '../_components/action-dialog-button';
import { allowed } from '../_components/allowed';
import { callCommand } from '../_components/call-api';
import { InstantField, MoneyField } from '../_components/fields';
import { useBackOfficeAction } from '../_components/use-back-office-action';

/** An enterprise as the back office is sent it: with what the reader may do to it now. */
type EnterpriseRow = EnterpriseRecord & { allowed_actions?: string[] };

const statusChoices = Object.entries(ENTERPRISE_STATUS_LABELS).map(([id, name]) => ({ id, name }));

const STATUS_COLORS: Record<EnterpriseRecord['status'], 'warning' | 'success' | 'error'> = {
  pending_review: 'warning',
  verified: 'success',
  rejected: 'error',
};

function StatusChip({ record, testId }: { record: EnterpriseRecord; testId?: string }) {
  return <Chip size="small" color={STATUS_COLORS[record.status]} label={ENTERPRISE_STATUS_LABELS[record.status]} data-testid={testId} />;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="搜索企业名称、统一社会信用代码" />,
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
  <ReferenceInput key="region_id" source="region_id" reference="regions">
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

const regionOf = (r: EnterpriseRecord) => r.region_name ?? '（未划分区域）';

/** 投保企业: the region's enterprises, newest registrations first; 待认证审核 ones wait for the operators. */
export function EnterpriseList() {
  return (
    <List filters={filters} sort={{ field: 'created_at', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<Box sx={{ p: 2 }}>暂无符合条件的投保企业</Box>}>
        <TextField source="name" />
        <TextField source="uscc" sortable={false} />
        <FunctionField source="region_name" sortable={false} render={regionOf} />
        <FunctionField source="status" sortable={false} render={(r: EnterpriseRecord) => <StatusChip record={r} />} />
        <InstantField source="created_at" />
      </Datagrid>
    </List>
  );
}

/**
 * 修正基本户: starts from the account as registered, since most corrections change one digit or the bank's
 * branch; the reason goes into the audit chain beside the old and the new account.
 */
function CorrectBasicAccountButton() {
  const record = useRecordContext<EnterpriseRecord>();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ basic_account_bank: '', basic_account_name: '', basic_account_number: '', reason: '' });
  const { run, busy, error } = useBackOfficeAction(() => setOpen(false));
  if (!record) return null;
  const start = () => {
    setValues({
      basic_account_bank: record.basic_account_bank,
      basic_account_name: record.basic_account_name,
      basic_account_number: record.basic_account_number,
      reason: '',
    });
    setOpen(true);
  };
  const field = (name: keyof typeof values, label: string, helperText?: string) => (
    <MuiTextField
      label={label}
      helperText={helperText}
      value={values[name]}
      onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
      required
      fullWidth
      margin="dense"
      multiline={name === 'reason'}
      minRows={name === 'reason' ? 2 : undefined}
    />
  );
  const submit = () =>
    run(async () => {
      await callCommand('enterprises', record.id, 'correctBasicAccount', values);
      return '已修正企业基本户';
    });
  return (
    <>
      <Button label="修正基本户" onClick={start} variant="outlined" sx={{ mr: 1 }} data-testid="enterprise-correct-basic-account" />
      <Dialog open={open} onClose={() => !busy && setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>修正基本户</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1 }}>
            基本户用于核对保费是否由企业本身支付，并决定退保退款能否原路退回。修正后立即生效（已生成的退款不受影响），修正前后的账户与原因将记入审计日志。
          </DialogContentText>
          {error && (
            <Alert severity="error" sx={{ mb: 1 }} role="alert">
              {error}
            </Alert>
          )}
          {field('basic_account_bank', '开户银行')}
          {field('basic_account_name', '账户名称')}
          {field('basic_account_number', '银行账号', '8 至 32 位数字')}
          {field('reason', '修正原因（必填，记入审计日志）')}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={busy}>
            取消
          </MuiButton>
          <MuiButton onClick={submit} disabled={busy || values.reason.trim().length < 2} variant="contained">
            {busy ? '处理中…' : '确认修正'}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** The commands the server says the reader may take on this enterprise now. */
function EnterpriseActions() {
  const record = useRecordContext<EnterpriseRow>();
  if (!record) return null;
  return (
    <TopToolbar>
      {allowed(record, 'approve') && (
        <ActionDialogButton
          label="认证通过"
          title="企业认证审核：认证通过"
          description={`确认「${record.name}」（${record.uscc}）的企业信息与营业执照、基本户一致？通过后该企业即可申请投标保函，此操作将记入审计日志。`}
          fields={[]}
          confirmLabel="确认通过"
          command={{ resource: 'enterprises', id: record.id, name: 'approve' }}
          done="企业认证已通过"
        />
      )}
      {allowed(record, 'reject') && (
        <ActionDialogButton
          label="驳回"
          title="企业认证审核：驳回"
          description={`驳回后「${record.name}」暂不能申请投标保函；企业用户将在首页看到驳回原因，修改企业信息后可重新提交认证。`}
          fields={[{ name: 'reason', label: '驳回原因（必填，将告知企业并记入审计日志）', multiline: true }]}
          confirmLabel="确认驳回"
          command={{ resource: 'enterprises', id: record.id, name: 'reject' }}
          done="已驳回企业认证"
          danger
        />
      )}
      {allowed(record, 'correctBasicAccount') && <CorrectBasicAccountButton />}
    </TopToolbar>
  );
}

function ReviewNotice() {
  const record = useRecordContext<EnterpriseRecord>();
  if (!record) return null;
  if (wasRejected(record.status)) {
    return (
      <Alert severity="error" sx={{ mb: 1 }}>
        认证未通过：{record.review_reason}
      </Alert>
    );
  }
  if (awaitsReview(record.status)) {
    return (
      <Alert severity="warning" sx={{ mb: 1 }}>
        待认证审核：请核对企业名称、统一社会信用代码、法定代表人与基本户信息后审核。审核通过前该企业只能浏览标段，不能申请保函。
      </Alert>
    );
  }
  return null;
}

function OrdersNote() {
  const record = useRecordContext<EnterpriseDetail>();
  if (!record || record.orders_total <= record.orders.length) return null;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
      共 {record.orders_total} 笔订单，此处显示最近 {record.orders.length} 笔。
    </Typography>
  );
}

export function EnterpriseShow() {
  return (
    <Show actions={<EnterpriseActions />}>
      <TabbedShowLayout>
        <Tab label="企业信息">
          <ReviewNotice />
          <FunctionField source="status" render={(r: EnterpriseRecord) => <StatusChip record={r} testId="enterprise-status" />} />
          <TextField source="name" />
          <TextField source="uscc" />
          <FunctionField source="region_name" render={regionOf} />
          <TextField source="legal_representative" />
          <TextField source="contact_name" />
          <TextField source="contact_phone" />
          <TextField source="email" />
          <FunctionField
            source="basic_account_number"
            render={(r: EnterpriseRecord) => `${r.basic_account_name}，${r.basic_account_bank}，${r.basic_account_number}`}
          />
          <TextField source="registered_by_name" emptyText="—" />
          <InstantField source="created_at" />
          <InstantField source="reviewed_at" />
          <TextField source="reviewer_name" emptyText="—" />
        </Tab>
        <Tab label="企业用户" path="users">
          <ArrayField source="users" label={false}>
            <Datagrid bulkActionButtons={false} rowClick={false} empty={<Box sx={{ p: 2 }}>该企业暂无用户</Box>}>
              <TextField source="display_name" label="姓名" sortable={false} />
              <TextField source="phone" label="手机号" sortable={false} />
              <BooleanField source="active" label="启用" sortable={false} />
              <InstantField source="last_signed_in_at" label="最近登录" />
            </Datagrid>
          </ArrayField>
        </Tab>
        <Tab label="订单" path="orders">
          <ArrayField source="orders" label={false}>
            <Datagrid bulkActionButtons={false} rowClick={false} empty={<Box sx={{ p: 2 }}>暂无您可查看的订单</Box>}>
              <TextField source="order_number" label="订单号" sortable={false} />
              <FunctionField label="项目 / 标段" render={(o: EnterpriseDetail['orders'][number]) => `${o.project_name} · ${o.section_name}`} />
              <TextField source="status_label" label="订单状态" sortable={false} />
              <MoneyField source="premium_fen" label="保费" />
              <InstantField source="created_at" label="申请时间" />
            </Datagrid>
          </ArrayField>
          <OrdersNote />
        </Tab>
        <Tab label="审核记录" path="history">
          <ReferenceManyField
            reference="audit-events"
            target="entity_id"
            filter={{ entity_type: 'enterprise' }}
            sort={{ field: 'id', order: 'DESC' }}
            perPage={10}
            pagination={<Pagination />}
            label={false}
          >
            <Datagrid bulkActionButtons={false} rowClick={false} empty={<Box sx={{ p: 2 }}>暂无审核记录</Box>}>
              <InstantField source="occurred_at" label="时间" />
              <FunctionField label="操作" render={(r: { action: string }) => auditActionLabel(r.action)} />
              <TextField source="actor_label" label="操作人" sortable={false} />
              <TextField source="reason" label="原因 / 意见" sortable={false} emptyText="—" />
            </Datagrid>
          </ReferenceManyField>
        </Tab>
      </TabbedShowLayout>
    </Show>
  );
}
