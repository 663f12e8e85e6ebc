import { Chip } from '@mui/material';
import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Edit, SaveButton, SimpleForm, Toolbar, useNotify, useRedirect, useRefresh, useResourceContext, type RaRecord } from 'react-admin';
import type { RetryQueueState as QueueState } from '@/lib/back-office/retry-queue';
import { allowed } from './allowed';
import { callCommand } from './call-api';

export type QueueStateLabels = Record<QueueState, string>;

const COLORS: Record<QueueState, 'default' | 'warning' | 'success'> = { pending: 'default', retrying: 'warning', done: 'success' };

export const QueueStateChip = ({ state, labels }: { state: QueueState; labels: QueueStateLabels }) => (
  <Chip size="small" color={COLORS[state]} label={labels[state]} />
);

/** The state filter's choices: 'open' is everything not done yet. */
export const queueStateChoices = (labels: QueueStateLabels, open: string) => [
  { id: 'open', name: open },
  { id: 'retrying', name: labels.retrying },
  { id: 'pending', name: labels.pending },
  { id: 'done', name: labels.done },
];

/** An item the server offers 立即重试 on (its `allowed_actions`) opens its 立即重试 page; the others are read in the list. */
export const openRetryingItem = (_id: unknown, _resource: string, record: RaRecord) =>
  allowed(record as RaRecord & { allowed_actions?: string[] }, 'retryNow') ? ('edit' as const) : false;

/** The queue's command retryNow, then back to the list. */
function useRetryNow() {
  const resource = useResourceContext()!;
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  return async (data: FieldValues) => {
    try {
      await callCommand(resource, data.id, 'retryNow', {});
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
      return;
    }
    notify('ra.notification.updated', { type: 'info', messageArgs: { smart_count: 1 } });
    refresh();
    redirect('list', resource);
  };
}

/** 立即重试: a failing item tried at once instead of at its next scheduled attempt (recorded in the audit log). */
export function RetryNowEdit({ children }: { children: ReactNode }) {
  const retryNow = useRetryNow();
  return (
    <Edit>
      <SimpleForm onSubmit={retryNow} toolbar={<Toolbar><SaveButton label="立即重试" alwaysEnable /></Toolbar>}>{children}</SimpleForm>
    </Edit>
  );
}
