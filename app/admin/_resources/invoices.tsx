import { Alert, Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button, Datagrid, FunctionField, List, ReferenceField, SearchInput, SelectInput, Show, SimpleShowLayout, TextField, TopToolbar,
  useRecordContext,
} from 'react-admin';
import type { InvoiceRecord } from '@/lib/invoices/invoice-resource';
import { INVOICE_MEDIUM_LABELS, INVOICE_STATUS_LABELS, INVOICE_TYPE_LABELS } from '@/lib/invoices/invoice-labels';
import { formatFen } from '@/lib/money/format-fen';
import { ORDER_STATUS_LABELS } from '@/lib/orders/order-status';
import { allowed } from '../_components/allowed';
import { useBackOfficeAction } from '../_components/use-back-office-action';
import { callCommand } from '../_components/call-api';
import { invoiceMediumChoices, invoiceStatusChoices } from '../_components/choices';
import { InstantField, MoneyField } from '../_components/fields';

const MAX_PDF_BYTES = 5 * 1024 * 1024;

/** An invoice as the server sends it: with the commands (issue, void) its reader may take now. */
type InvoiceRow = InvoiceRecord & { allowed_actions?: string[] };

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="订单号 / 企业 / 发票号码" />,
  <SelectInput key="status" source="status" choices={invoiceStatusChoices} alwaysOn />,
  <SelectInput key="medium" source="medium" choices={invoiceMediumChoices} alwaysOn />,
];

/** 发票: the region's requests, oldest first, to issue or void. */
export function InvoiceList() {
  return (
    <List filters={filters} filterDefaultValues={{ status: 'requested' }} sort={{ field: 'requested_at', order: 'ASC' }}>
      <Datagrid bulkActionButtons={false} rowClick="show">
        <TextField source="order_number" sortable={false} />
        <TextField source="enterprise_name" sortable={false} />
        <FunctionField source="medium" sortable={false} render={(r: InvoiceRecord) => INVOICE_MEDIUM_LABELS[r.medium]} />
        <FunctionField source="invoice_type" sortable={false} render={(r: InvoiceRecord) => INVOICE_TYPE_LABELS[r.invoice_type]} />
        <TextField source="title" sortable={false} />
        <MoneyField source="amount_fen" />
        <InstantField source="requested_at" />
        <FunctionField source="status" sortable={false} render={(r: InvoiceRecord) => INVOICE_STATUS_LABELS[r.status]} />
        <TextField source="invoice_number" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}

export function InvoiceShow() {
  return (
    <Show actions={<InvoiceActions />}>
      <InvoiceDetails />
    </Show>
  );
}

function InvoiceActions() {
  const record = useRecordContext<InvoiceRow>();
  if (!record) return null;
  return (
    <TopToolbar>
      {record.document_id && <Button label="下载发票 PDF" href={`/api/invoices/${record.id}/document`} />}
      {allowed(record, 'issue') && <IssueInvoiceButton record={record} />}
      {allowed(record, 'void') && <VoidInvoiceButton record={record} />}
    </TopToolbar>
  );
}

/** Only what this invoice's kind uses: company details for a special one, the mailing for a paper one. */
function InvoiceDetails() {
  const record = useRecordContext<InvoiceRecord>();
  if (!record) return null;
  const special = record.invoice_type === 'special';
  const paper = record.medium === 'paper';
  return (
    <SimpleShowLayout>
      <FunctionField source="status" render={(r: InvoiceRecord) => INVOICE_STATUS_LABELS[r.status]} />
      {record.voided_at && <TextField source="void_reason" />}
      {record.voided_at && <InstantField source="voided_at" />}
      {record.voided_at && <TextField source="voided_by_name" />}
      <TextField source="order_number" />
      <FunctionField source="order_status" render={(r: InvoiceRecord) => ORDER_STATUS_LABELS[r.order_status]} />
      <TextField source="enterprise_name" />
      <FunctionField source="project_name" render={(r: InvoiceRecord) => `${r.project_name} · ${r.section_name}`} />
      <MoneyField source="amount_fen" />
      <FunctionField source="medium" render={(r: InvoiceRecord) => INVOICE_MEDIUM_LABELS[r.medium]} />
      <FunctionField source="invoice_type" render={(r: InvoiceRecord) => INVOICE_TYPE_LABELS[r.invoice_type]} />
      <TextField source="title" />
      <TextField source="tax_number" />
      {special && <TextField source="company_address" />}
      {special && <TextField source="company_phone" />}
      {special && <TextField source="company_bank" />}
      {special && <TextField source="company_account" />}
      {paper && <TextField source="recipient_name" />}
      {paper && <TextField source="recipient_phone" />}
      {paper && <TextField source="delivery_address" />}
      <InstantField source="requested_at" />
      <TextField source="requested_by_name" />
      <ReferenceField source="decision_id" reference="rule-decisions" link="show" emptyText="—">
        <TextField source="summary" />
      </ReferenceField>
      {record.invoice_number && <TextField source="invoice_number" />}
      {record.issued_at && <InstantField source="issued_at" />}
      {record.issued_at && <TextField source="issued_by_name" />}
      {paper && record.carrier && <TextField source="carrier" />}
      {paper && record.tracking_number && <TextField source="tracking_number" />}
    </SimpleShowLayout>
  );
}

/**
 * 开具发票: the invoice number, and the PDF (electronic) or the mailing (paper). Issuing cannot be
 * undone except by voiding, so the dialog shows whom the invoice is for before it is confirmed.
 */
function IssueInvoiceButton({ record }: { record: InvoiceRecord }) {
  const [open, setOpen] = useState(false);
  const [invoiceNumber, setInvoiceNumber] = useState('');
  const [carrier, setCarrier] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { run, busy, error, setError } = useBackOfficeAction(() => setOpen(false));
  const electronic = record.medium === 'electronic';

  const pickFile = (picked: File | null) => {
    setError(null);
    if (picked && picked.size > MAX_PDF_BYTES) {
      setError('发票文件不能超过 5 MB');
      setFile(null);
      return;
    }
    setFile(picked);
  };

  const submit = () =>
    run(async () => {
      const form = new FormData();
      form.set('invoice_number', invoiceNumber);
      if (electronic) {
        if (file) form.set('file', file);
      } else {
        form.set('carrier', carrier);
        form.set('tracking_number', trackingNumber);
      }
      await callCommand('invoices', record.id, 'issue', form);
      return electronic ? '发票已开具，投标人可在订单详情下载' : '发票已开具，邮寄信息已记录';
    });

  const complete = invoiceNumber.trim() !== '' && (electronic ? file !== null : carrier.trim() !== '' && trackingNumber.trim() !== '');
  return (
    <>
      <Button label="开具发票" onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => !busy && setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>开具发票（{INVOICE_MEDIUM_LABELS[record.medium]} · {INVOICE_TYPE_LABELS[record.invoice_type]}）</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {record.title}（{record.tax_number}），金额 {formatFen(record.amount_fen)}。
            {electronic ? '上传税务系统开具的电子发票 PDF，投标人将在订单详情中【下载发票】。' : '记录发票号码及邮寄信息，投标人将在订单详情中查看【发票及收件信息】。'}
          </DialogContentText>
          <MuiTextField label="发票号码" value={invoiceNumber} onChange={(e) => setInvoiceNumber(e.target.value)} required fullWidth
            helperText="8 至 20 位数字" sx={{ mb: 2 }} />
          {electronic ? (
            <Box sx={{ mb: 1 }}>
              <MuiButton variant="outlined" component="label">
                选择 PDF 文件
                <input type="file" hidden accept="application/pdf,.pdf" aria-label="发票 PDF 文件" data-testid="invoice-file"
                  onChange={(e) => pickFile(e.target.files?.[0] ?? null)} />
              </MuiButton>
              <Typography variant="body2" component="span" sx={{ ml: 2 }}>
                {file ? `${file.name}（${(file.size / 1024).toFixed(0)} KB）` : '未选择文件（PDF，不超过 5 MB）'}
              </Typography>
            </Box>
          ) : (
            <>
              <Typography variant="body2" sx={{ mb: 2 }}>
                收件人：{record.recipient_name}，{record.recipient_phone}，{record.delivery_address}
              </Typography>
              <MuiTextField label="快递公司" value={carrier} onChange={(e) => setCarrier(e.target.value)} required fullWidth
                helperText="如：顺丰速运、中国邮政 EMS、京东物流" sx={{ mb: 2 }} />
              <MuiTextField label="运单号" value={trackingNumber} onChange={(e) => setTrackingNumber(e.target.value)} required fullWidth />
            </>
          )}
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={busy}>取消</MuiButton>
          <MuiButton variant="contained" onClick={submit} disabled={busy || !complete}>
            {busy ? '处理中…' : '确认开具'}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** 作废（红冲）: never without a reason, which the bidder will read; the bidder may then ask again. */
function VoidInvoiceButton({ record }: { record: InvoiceRecord }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { run, busy, error } = useBackOfficeAction(() => setOpen(false));
  // An issued invoice is voided by 红冲; a request that was never issued is simply voided.
  const issued = record.issued_at !== null;

  const submit = () =>
    run(async () => {
      await callCommand('invoices', record.id, 'void', { reason });
      return issued ? '发票已作废（红冲）' : '发票申请已作废';
    });

  return (
    <>
      <Button label={issued ? '作废（红冲）' : '作废申请'} onClick={() => setOpen(true)} color="error" />
      <Dialog open={open} onClose={() => !busy && setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{issued ? `作废发票 ${record.invoice_number ?? ''}（红冲）` : '作废发票申请'}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            作废后不可恢复。投标人将在订单详情中看到作废原因，并可重新申请发票。
          </Alert>
          <MuiTextField label="作废原因（必填，投标人可见，将记入审计日志）" value={reason} onChange={(e) => setReason(e.target.value)}
            multiline minRows={2} fullWidth required />
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={busy}>取消</MuiButton>
          <MuiButton variant="contained" color="error" onClick={submit} disabled={busy || reason.trim().length < 2}>
            {busy ? '处理中…' : '确认作废'}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}

