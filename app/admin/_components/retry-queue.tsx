import { Chip } from '@mui/material';
import type { ReactNode } from 'react';
import { Edit, SaveButton, SimpleForm, Toolbar, type RaRecord } from 'react-admin';
import type { RetryQueueState as QueueState } from '@/lib/back-office/retry-queue';

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

/** A failing item opens its 立即重试 page, for those who may write; the others are read in the list. */
export const openRetryingItem = (canWrite: boolean) => (_id: unknown, _resource: string, record: RaRecord) =>
  canWrite && (record as RaRecord & { state: QueueState }).state === 'retrying' ? ('edit' as const) : false;

/** 立即重试: a failing item tried at once instead of at its next scheduled attempt (recorded in the audit log). */
export function RetryNowEdit({ children }: { children: ReactNode }) {
  return (
    <Edit mutationMode="pessimistic" redirect="list" transform={(data) => ({ ...data, retry_now: true })}>
      <SimpleForm toolbar={<Toolbar><SaveButton label="立即重试" alwaysEnable /></Toolbar>}>{children}</SimpleForm>
    </Edit>
  );
}
