import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useRecordContext } from 'react-admin';
import type { FormVersionRecord } from '@/lib/forms/form-version-record';
import { useBackOfficeAction } from '../../_components/use-back-office-action';
import { callApi } from '../../_components/call-api';

/** Publishing changes what every new applicant of the form fills: a reason is required and confirmed. */
export function FormPublishButton() {
  const record = useRecordContext<FormVersionRecord>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { run, busy, error } = useBackOfficeAction(() => setOpen(false));
  if (!record) return null;
  const submit = () =>
    run(async () => {
        await callApi(`/api/forms/versions/${record.id}/publish`, { method: 'POST', body: { reason } });
      return '已发布：之后的投保申请将使用此表单';
    });
  return (
    <>
      <Button label="发布" onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>发布表单 {record.form_key} v{record.version}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            发布后，新的投保申请将填写此版本表单；已提交的订单仍保留其提交时的表单版本。此操作不可撤销，可通过发布新版本替换。
          </DialogContentText>
          <TextField label="发布原因（必填，将记入审计日志）" value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} fullWidth required />
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>取消</MuiButton>
          <MuiButton variant="contained" onClick={submit} disabled={busy || reason.trim().length < 2}>
            {busy ? '发布中…' : '确认发布'}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
