import { Alert, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  AutocompleteInput, Button, Datagrid, DateTimeInput, FunctionField, Link, List, ReferenceField, SelectInput, Show, SimpleShowLayout, TextField, TextInput,
  TopToolbar, useNotify, usePermissions, useRecordContext,
} from 'react-admin';
import { AUDIT_ACTION_CHOICES, AUDIT_ENTITY_LABELS, auditActionLabel } from '@/lib/audit/audit-labels';
import { formatDateTime } from '@/lib/time/format';
import { diffRuleDocuments } from '@/rules/diff-rule-documents';
import { DiffTable } from '../_components/diff-table';
import { InstantField } from '../_components/fields';
import type { AdminPermissions } from '../_components/auth-provider';

const entityChoices = Object.entries(AUDIT_ENTITY_LABELS).map(([id, name]) => ({ id, name }));

const filters = [
  <TextInput key="q" source="q" label="操作人或原因" alwaysOn />,
  <AutocompleteInput key="action" source="action" label="操作" choices={AUDIT_ACTION_CHOICES} alwaysOn sx={{ minWidth: 240 }} />,
  <SelectInput key="entity_type" source="entity_type" choices={entityChoices} alwaysOn />,
  <TextInput key="entity_id" source="entity_id" />,
  <DateTimeInput key="occurred_from" source="occurred_from" label="开始时间" alwaysOn />,
  <DateTimeInput key="occurred_to" source="occurred_to" label="结束时间" alwaysOn />,
];

/** Where the record an entry is about is shown in the back office, for the entry's link. */
const ENTITY_PAGES: Record<string, string> = {
  rule_version: 'rule-versions', form_version: 'form-versions', order: 'orders', insurer: 'insurers', product: 'products',
  project: 'projects', enterprise: 'enterprises', bank_transfer: 'transfers', surrender: 'surrenders',
  invoice: 'invoices', region: 'regions', user: 'users', outbox_message: 'outbox-messages',
};

function EntityLink() {
  const record = useRecordContext<{ entity_type: string; entity_id: string }>();
  if (!record) return null;
  const label = `${AUDIT_ENTITY_LABELS[record.entity_type] ?? record.entity_type} ${record.entity_id}`;
  const page = ENTITY_PAGES[record.entity_type];
  return page ? <Link to={`/${page}/${encodeURIComponent(record.entity_id)}/show`}>{label}</Link> : <span>{label}</span>;
}

/** 变更前 / 变更后 side by side, line by line, both printed the same way so only real changes show. */
function ChangeDetail() {
  const record = useRecordContext<{ before: unknown; after: unknown }>();
  if (!record) return null;
  if (record.before == null && record.after == null) return <Typography color="text.secondary">此操作没有记录变更内容</Typography>;
  const { rows, changes } = diffRuleDocuments(record.before ?? null, record.after ?? null);
  return (
    <div>
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="audit-diff-summary">
        {record.before == null ? '无变更前内容（新建，或此范围的首个版本）' : record.after == null ? '删除，无变更后内容' : `变更前后有 ${changes} 处不同`}
      </Typography>
      <DiffTable rows={rows} left="变更前" right="变更后" />
    </div>
  );
}

type ChainReport = ({ ok: true; checked: number } | { ok: false; checked: number; brokenAt: number; message: string }) & {
  checkedAt: string;
  lastVerifiedRow: number | null;
};

/** The chain check as a banner over the log: whether it holds, when it was checked, the last row verified. */
function ChainBanner() {
  const [report, setReport] = useState<ChainReport | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/api/admin/audit-chain').then(async (r) => r.ok && live && setReport((await r.json()) as ChainReport)).catch(() => undefined);
    return () => { live = false; };
  }, []);
  if (!report) return null;
  const when = formatDateTime(report.checkedAt);
  return report.ok ? (
    <Alert severity="success" sx={{ m: 2, mb: 0 }} data-testid="chain-banner">
      审计链完整：{when} 校验了 {report.checked} 条记录，最后校验到第 {report.lastVerifiedRow ?? '—'} 条。
    </Alert>
  ) : (
    <Alert severity="error" sx={{ m: 2, mb: 0 }} data-testid="chain-banner">
      审计链已损坏：{report.message}（{when} 校验；第 {report.lastVerifiedRow ?? '—'} 条及之前的记录完好）
    </Alert>
  );
}

function VerifyChainButton() {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    try {
      const response = await fetch('/api/admin/audit-chain');
      const body = (await response.json()) as ChainReport & { message?: string };
      if (!response.ok) notify(body.message ?? '校验失败', { type: 'error' });
      else if (body.ok) notify(`审计链完整：已校验 ${body.checked} 条记录`, { type: 'success' });
      else notify(`审计链已损坏：${body.message}`, { type: 'error', autoHideDuration: 15000 });
    } finally {
      setBusy(false);
    }
  };
  return <Button label={busy ? '校验中…' : '校验审计链'} onClick={verify} disabled={busy} />;
}

function AuditActions() {
  const { permissions } = usePermissions<AdminPermissions>();
  const overseer = permissions?.role === 'compliance' || permissions?.role === 'platform_admin';
  return <TopToolbar>{overseer && <VerifyChainButton />}</TopToolbar>;
}

function OverseerBanner() {
  const { permissions } = usePermissions<AdminPermissions>();
  return permissions?.role === 'compliance' || permissions?.role === 'platform_admin' ? <ChainBanner /> : null;
}

export function AuditEventList() {
  return (
    <List filters={filters} sort={{ field: 'id', order: 'DESC' }} actions={<AuditActions />}>
      <OverseerBanner />
      <Datagrid expand={<ChangeDetail />} bulkActionButtons={false} rowClick="show">
        <TextField source="id" />
        <InstantField source="occurred_at" />
        <TextField source="actor_label" sortable={false} />
        <FunctionField source="action" sortable={false} render={(r: { action: string }) => auditActionLabel(r.action)} />
        <FunctionField source="entity_id" sortable={false} render={() => <EntityLink />} />
        <ReferenceField source="region_id" reference="regions" link={false} sortable={false} />
        <TextField source="reason" sortable={false} />
      </Datagrid>
    </List>
  );
}

/** One link of the audit chain: who did what to which record, why, the change itself, and the link's hashes. */
export function AuditEventShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="id" />
        <InstantField source="occurred_at" />
        <TextField source="actor_label" />
        <FunctionField source="action" render={(r: { action: string }) => auditActionLabel(r.action)} />
        <FunctionField source="entity_id" label="对象" render={() => <EntityLink />} />
        <ReferenceField source="region_id" reference="regions" link={false} emptyText="平台" />
        <TextField source="reason" emptyText="—" />
        <FunctionField source="after" label="变更内容" render={() => <ChangeDetail />} />
        <TextField source="prev_hash" emptyText="—" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} />
        <TextField source="hash" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} />
      </SimpleShowLayout>
    </Show>
  );
}
