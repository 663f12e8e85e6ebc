import { useState } from 'react';
import {
  Button, Datagrid, FunctionField, List, ReferenceField, SelectInput, Show, SimpleShowLayout, TextField, TextInput, TopToolbar, useNotify,
  usePermissions, useRecordContext,
} from 'react-admin';
import { AUDIT_ENTITY_LABELS, auditActionLabel } from '@/lib/audit/audit-labels';
import { InstantField } from '../_components/fields';
import type { AdminPermissions } from '../_components/auth-provider';

const entityChoices = Object.entries(AUDIT_ENTITY_LABELS).map(([id, name]) => ({ id, name }));

const filters = [
  <SelectInput key="entity_type" source="entity_type" choices={entityChoices} alwaysOn />,
  <TextInput key="entity_id" source="entity_id" />,
];

function ChangeDetail() {
  const record = useRecordContext<{ before: unknown; after: unknown }>();
  if (!record) return null;
  const block = (title: string, value: unknown) => (
    <div style={{ flex: 1, minWidth: 0 }}>
      <strong>{title}</strong>
      <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
        {value == null ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
  return (
    <div style={{ display: 'flex', gap: 16 }}>
      {block('变更前', record.before)}
      {block('变更后', record.after)}
    </div>
  );
}

type ChainReport = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: number; message: string };

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

export function AuditEventList() {
  return (
    <List filters={filters} sort={{ field: 'id', order: 'DESC' }} actions={<AuditActions />}>
      <Datagrid expand={<ChangeDetail />} bulkActionButtons={false} rowClick="expand">
        <TextField source="id" />
        <InstantField source="occurred_at" />
        <TextField source="actor_label" sortable={false} />
        <FunctionField source="action" sortable={false} render={(r: { action: string }) => auditActionLabel(r.action)} />
        <TextField source="entity_id" sortable={false} />
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
        <FunctionField source="entity_type" render={(r: { entity_type: string }) => AUDIT_ENTITY_LABELS[r.entity_type] ?? r.entity_type} />
        <TextField source="entity_id" />
        <ReferenceField source="region_id" reference="regions" link={false} emptyText="平台" />
        <TextField source="reason" emptyText="—" />
        <ChangeDetail />
        <TextField source="prev_hash" emptyText="—" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} />
        <TextField source="hash" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} />
      </SimpleShowLayout>
    </Show>
  );
}
