import { Alert, Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useRecordContext } from 'react-admin';
import type { DroppedFieldsReport } from '@/lib/forms/find-dropped-fields';
import type { FormVersionRecord } from '@/lib/forms/form-version-record';
import { useBackOfficeAction } from '../../_components/use-back-office-action';
import { callApi, callCommand } from '../../_components/call-api';
import { EffectiveAtField, effectiveAtOf } from '../versioning/effective-at-field';

/** Publishing changes what every new applicant of the form fills: a reason is required and confirmed. */
export function FormPublishButton() {
  const record = useRecordContext<FormVersionRecord>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [effectiveAt, setEffectiveAt] = useState('');
  const [dropped, setDropped] = useState<DroppedFieldsReport | null>(null);
  const { run, busy, error } = useBackOfficeAction(() => setOpen(false));
  const id = record?.id;
  // Fields the version in force has and this draft drops: earlier orders holding them are named before the reason.
  useEffect(() => {
    if (!open || !id) return;
    let current = true;
    callApi<DroppedFieldsReport>(`/api/forms/versions/${id}/dropped-fields`).then((report) => current && setDropped(report), () => current && setDropped(null));
    return () => {
      current = false;
    };
  }, [open, id]);
  if (!record) return null;
  const heldFields = dropped?.fields.filter((f) => f.orders > 0) ?? [];
  const unusedFields = dropped?.fields.filter((f) => f.orders === 0) ?? [];
  const submit = () =>
    run(async () => {
      await callCommand('form-versions', record.id, 'publish', { reason, effective_at: effectiveAtOf(effectiveAt) });
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
          {heldFields.length > 0 && (
            <Alert severity="warning" sx={{ mb: 2 }} data-testid="form-publish-dropped">
              此版本删除或改名了当前生效表单（v{dropped!.comparedWith!.version}）中的字段，已有订单填写过这些数据：
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {heldFields.map((f) => (
                  <li key={f.path}>{f.label}（{f.path}）：{f.orders} 笔订单</li>
                ))}
              </Box>
              这些订单仍按其提交时的表单版本显示和保留数据；新的申请不再填写这些字段。
            </Alert>
          )}
          {heldFields.length === 0 && unusedFields.length > 0 && (
            <Alert severity="info" sx={{ mb: 2 }}>
              此版本删除或改名了 {unusedFields.length} 个字段（{unusedFields.map((f) => f.label).join('、')}），尚无订单填写过它们。
            </Alert>
          )}
          <TextField label="发布原因（必填，将记入审计日志）" value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} fullWidth required />
          <EffectiveAtField value={effectiveAt} onChange={setEffectiveAt} />
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
