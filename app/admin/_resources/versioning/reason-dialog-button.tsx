import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Button } from 'react-admin';
import { useBackOfficeAction } from '../../_components/use-back-office-action';
import { EffectiveAtField, effectiveAtOf } from './effective-at-field';

interface Props {
  label: string;
  title: string;
  /** What confirming does, said before it is done. */
  explain?: ReactNode;
  /** The reason or comment the step records in the audit chain (at least 2 characters). */
  fieldLabel: string;
  confirmLabel: string;
  busyLabel?: string;
  /** Offer 生效时间 (publish, approve). */
  withEffectiveAt?: boolean;
  maxWidth?: 'sm' | 'md';
  /** What the dialog shows above the field (test results, dropped fields): mounted while it is open. */
  children?: ReactNode;
  /** Confirming is held back (tests still running or failed). */
  blocked?: boolean;
  /** Runs the step with the text and 生效时间 (ISO, or null for at once); answers the success message. */
  onConfirm(text: string, effectiveAt: string | null): Promise<string>;
}

/**
 * A version's step that needs a reason or comment and a deliberate confirmation — 发布, 回滚, 提交审核,
 * 审核通过, 驳回, 撤回 of rules and forms alike. The server's Chinese refusal stays in the open dialog.
 */
export function ReasonDialogButton({ label, title, explain, fieldLabel, confirmLabel, busyLabel = '处理中…', withEffectiveAt, maxWidth = 'sm', children, blocked, onConfirm }: Props) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [effectiveAt, setEffectiveAt] = useState('');
  const { run, busy, error } = useBackOfficeAction(() => setOpen(false));
  return (
    <>
      <Button label={label} onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth={maxWidth} fullWidth>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          {explain && <DialogContentText sx={{ mb: 2 }}>{explain}</DialogContentText>}
          {children}
          <TextField label={fieldLabel} value={text} onChange={(e) => setText(e.target.value)} multiline minRows={2} fullWidth required />
          {withEffectiveAt && <EffectiveAtField value={effectiveAt} onChange={setEffectiveAt} />}
          {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>取消</MuiButton>
          <MuiButton variant="contained" onClick={() => run(() => onConfirm(text, effectiveAtOf(effectiveAt)))} disabled={busy || blocked || text.trim().length < 2}>
            {busy ? busyLabel : confirmLabel}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
