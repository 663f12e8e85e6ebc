import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Button } from 'react-admin';
import { useBackOfficeAction } from './use-back-office-action';
import { callApi, callCommand } from './call-api';

export interface ActionField {
  name: string;
  label: string;
  helperText?: string;
  multiline?: boolean;
}

interface Props {
  label: string;
  title: string;
  /** What the action will do, said before it is done: these actions move money or orders. */
  description: ReactNode;
  fields: ActionField[];
  confirmLabel: string;
  /** The endpoint; the body is the fields' values plus `extraBody`. */
  url?: string;
  /** Instead of `url`: the record's command, POST /api/admin/<resource>/<id>/<name> (callCommand). */
  command?: { resource: string; id: string | number; name: string };
  extraBody?: Record<string, unknown>;
  done: string;
  danger?: boolean;
}

/**
 * A back-office action that needs a few words from the operator (a reason, an order number) and a
 * deliberate confirmation. The server's Chinese refusal is shown in the dialog, which stays open.
 */
export function ActionDialogButton({ label, title, description, fields, confirmLabel, url, command, extraBody, done, danger }: Props) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const { run, busy, error } = useBackOfficeAction(() => setOpen(false));
  const complete = fields.every((f) => (values[f.name] ?? '').trim() !== '');

  const submit = () =>
    run(async () => {
        const body = { ...values, ...extraBody };
        if (command) await callCommand(command.resource, command.id, command.name, body);
        else await callApi(url!, { method: 'POST', body });
        setValues({});
      return done;
    });

  return (
    <>
      <Button label={label} onClick={() => setOpen(true)} color={danger ? 'error' : 'primary'} variant="outlined" sx={{ mr: 1 }} />
      <Dialog open={open} onClose={() => !busy && setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{description}</DialogContentText>
          {error && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {error}
            </Alert>
          )}
          {fields.map((field, index) => (
            <TextField
              key={field.name}
              label={field.label}
              helperText={field.helperText}
              value={values[field.name] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}
              multiline={field.multiline}
              minRows={field.multiline ? 2 : undefined}
              required
              fullWidth
              autoFocus={index === 0}
              margin="dense"
            />
          ))}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={busy}>
            取消
          </MuiButton>
          <MuiButton onClick={submit} disabled={busy || !complete} variant="contained" color={danger ? 'error' : 'primary'}>
            {busy ? '处理中…' : confirmLabel}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
