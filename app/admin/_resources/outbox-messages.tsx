import { Alert, Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import {
  Datagrid, FunctionField, List, SearchInput, SelectField, SelectInput, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext,
} from 'react-admin';
import { OUTBOX_ATTEMPT_OUTCOME_LABELS, OUTBOX_KIND_LABELS } from '@/lib/outbox/outbox-labels';
import { OUTBOX_STATE_LABELS, type OutboxMessageState } from '@/lib/outbox/outbox-message-lifecycle';
import type { OutboxMessageRecord } from '@/lib/outbox/outbox-message-resource';
import { formatDateTime } from '@/lib/time/format';
import { ActionDialogButton } from '../_components/action-dialog-button';
import { allowed } from '../_components/allowed';
import { InstantField } from '../_components/fields';

type OutboxRow = OutboxMessageRecord & { allowed_actions?: string[] };

const toChoices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));
const kindChoices = toChoices(OUTBOX_KIND_LABELS);
const stateChoices = [{ id: 'open', name: '未投递（待投递、重试中或投递失败）' }, ...toChoices(OUTBOX_STATE_LABELS)];

const STATE_COLORS: Record<OutboxMessageState, 'default' | 'warning' | 'success' | 'error'> = {
  pending: 'default',
  retrying: 'warning',
  delivered: 'success',
  failed: 'error',
};

const StateChip = ({ record }: { record: OutboxMessageRecord }) => (
  <Chip size="small" color={STATE_COLORS[record.state]} label={OUTBOX_STATE_LABELS[record.state]} />
);

/** The next try, for a message that will be tried again on its own. */
const nextTry = (r: OutboxMessageRecord) => (r.state === 'pending' || r.state === 'retrying' ? formatDateTime(r.next_attempt_at) : '—');

/** 推送记录: the outbox — mails and trading-platform callbacks — those not delivered yet first. */
export function OutboxMessageList() {
  return (
    <List
      filters={[
        <SelectInput key="state" source="state" choices={stateChoices} alwaysOn />,
        <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />,
        <SearchInput key="q" source="q" placeholder="搜索接收方、内容" alwaysOn />,
      ]}
      filterDefaultValues={{ state: 'open' }}
      sort={{ field: 'created_at', order: 'DESC' }}
      empty={false}
    >
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        empty={<Alert severity="success" sx={{ m: 2 }}>没有符合条件的推送记录。</Alert>}
      >
        <SelectField source="kind" choices={kindChoices} sortable={false} />
        <TextField source="destination" sortable={false} />
        <TextField source="summary" sortable={false} />
        <FunctionField source="state" sortable={false} render={(r: OutboxMessageRecord) => <StateChip record={r} />} />
        <TextField source="attempts" />
        <TextField source="last_response_code" sortable={false} emptyText="—" />
        <FunctionField source="next_attempt_at" render={nextTry} />
        <InstantField source="created_at" />
      </Datagrid>
    </List>
  );
}

/** Every attempt: when, how it ended, the response code or the error. */
function AttemptLog() {
  const record = useRecordContext<OutboxMessageRecord>();
  const attempts = record?.attempt_log ?? [];
  if (attempts.length === 0) return <Alert severity="info">尚未尝试投递。</Alert>;
  return (
    <Table size="small" aria-label="投递尝试">
      <TableHead>
        <TableRow>
          <TableCell>第几次</TableCell>
          <TableCell>开始时间</TableCell>
          <TableCell>结束时间</TableCell>
          <TableCell>结果</TableCell>
          <TableCell>应答码</TableCell>
          <TableCell>错误</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {attempts.map((a) => (
          <TableRow key={a.attempt}>
            <TableCell>{a.attempt}</TableCell>
            <TableCell>{formatDateTime(a.started_at)}</TableCell>
            <TableCell>{a.finished_at ? formatDateTime(a.finished_at) : '—'}</TableCell>
            <TableCell>{OUTBOX_ATTEMPT_OUTCOME_LABELS[a.outcome ?? 'interrupted']}</TableCell>
            <TableCell>{a.response_code ?? '—'}</TableCell>
            <TableCell sx={{ maxWidth: 480, wordBreak: 'break-all' }}>{a.error ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** 立即重试, when the server offers it (allowed_actions): a confirmation, then the message is tried at once. */
function OutboxMessageActions() {
  const record = useRecordContext<OutboxRow>();
  if (!record || !allowed(record, 'retryNow')) return null;
  return (
    <TopToolbar>
      <ActionDialogButton
        label="立即重试"
        title="立即重试投递"
        description={`该消息将立即重新投递至 ${record.destination}；若仍失败，将在此后 24 小时内按退避计划继续重试。此操作将记入审计日志。`}
        fields={[]}
        confirmLabel="确认重试"
        command={{ resource: 'outbox-messages', id: record.id, name: 'retryNow' }}
        done="已安排立即重试"
      />
    </TopToolbar>
  );
}

function FailureNotice() {
  const record = useRecordContext<OutboxMessageRecord>();
  if (!record || (record.state !== 'retrying' && record.state !== 'failed')) return null;
  return (
    <Alert severity={record.state === 'failed' ? 'error' : 'warning'}>
      {record.state === 'failed'
        ? `已尝试 ${record.attempts} 次，24 小时内均未投递成功，已停止自动重试；同一订单的后续消息在它投递成功前不会发出。排除原因后请点击【立即重试】。`
        : `已尝试 ${record.attempts} 次，最近一次失败：${record.last_error ?? '—'}。将于 ${formatDateTime(record.next_attempt_at)} 自动重试。`}
    </Alert>
  );
}

export function OutboxMessageShow() {
  return (
    <Show actions={<OutboxMessageActions />}>
      <SimpleShowLayout>
        <FailureNotice />
        <FunctionField source="state" render={(r: OutboxMessageRecord) => <StateChip record={r} />} />
        <SelectField source="kind" choices={kindChoices} />
        <TextField source="destination" />
        <TextField source="summary" />
        <TextField source="ordering_key" emptyText="—" />
        <TextField source="attempts" />
        <FunctionField source="next_attempt_at" render={nextTry} />
        <InstantField source="give_up_at" />
        <InstantField source="delivered_at" />
        <InstantField source="created_at" />
        <AttemptLog />
      </SimpleShowLayout>
    </Show>
  );
}
